/** The batchlets of the log-shipping job: share access check, backup, copy and restore of one round. */
package org.failback.batch.job.logshipping;
