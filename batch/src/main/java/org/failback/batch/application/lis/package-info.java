/** Use cases of the LIS: locations, backups and their schedule, and starting the LIS jobs. */
package org.failback.batch.application.lis;
