/** JDBC stores every job shares: the per-pool lock with its lease on the database, run history, job log, step counts. */
package org.failback.batch.infrastructure.jobs;
