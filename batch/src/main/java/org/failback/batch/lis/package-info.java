/** LIS databases per Front End pool: storage, demo locations, backup jobs and the restore-and-merge used by failover. */
package org.failback.batch.lis;
