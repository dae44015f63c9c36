/** LIS storage: each pool's LIS database, its locations, and the records of its backups and their schedule. */
package org.failback.batch.infrastructure.lis;
