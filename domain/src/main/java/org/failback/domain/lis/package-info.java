/** Location Information Service: a Front End pool's civic locations, its LIS database, backups and their schedule. */
package org.failback.domain.lis;
