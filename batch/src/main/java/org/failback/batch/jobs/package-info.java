/** What every job shares: the per-pool lock with its lease, run history, job log, live progress, test faults. */
package org.failback.batch.jobs;
