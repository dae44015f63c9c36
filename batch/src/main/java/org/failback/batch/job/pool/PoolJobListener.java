package org.failback.batch.job.pool;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.jobs.NodeIdentity;
import org.failback.batch.infrastructure.jobs.PoolJobLock;

/**
 * Opens and closes a pool job's log, and releases the pool locks however the execution ends (completed, stopped,
 * failed), so a stopped failover or failback can be started again: those of this execution, and those taken under the
 * token in its parameters (taken for it before its id was known, or for the execution it restarts).
 */
@Named
public class PoolJobListener implements JobListener {

    @Inject
    JobContext job;

    @Inject
    JobLog log;

    @Inject
    PoolJobLock locks;

    @Override
    public void beforeJob() {
        log.log(
                job.getExecutionId(),
                null,
                "job " + job.getJobName() + " started on " + NodeIdentity.current() + " with "
                        + BatchRuntime.getJobOperator().getParameters(job.getExecutionId()));
    }

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        locks.releaseExecution(job.getExecutionId());
        String token = BatchRuntime.getJobOperator()
                .getParameters(job.getExecutionId())
                .getProperty(PoolJobLock.TOKEN_PARAMETER);
        if (token != null) {
            locks.releaseToken(token);
        }
        log.log(
                job.getExecutionId(),
                null,
                "job " + job.getJobName() + " ended " + status
                        + (job.getExitStatus() == null ? "" : " (" + job.getExitStatus() + ")")
                        + "; pool locks released");
    }
}
