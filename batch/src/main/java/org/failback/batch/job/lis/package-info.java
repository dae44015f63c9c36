/** Job artifacts of the LIS jobs: take, verify and record a backup, and the restore-and-merge used by failover. */
package org.failback.batch.job.lis;
