/** What the batchlets that administer managed databases share: the job's log, its parameters, the product database. */
package org.failback.batch.job.dbadmin;
