package org.failback.batch.application.jobs;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Properties;
import org.failback.batch.infrastructure.jobs.PoolJobLock;
import org.failback.domain.pool.FrontEndPool;

/**
 * Starts jobs under the database locks of the pools they change, so that no two jobs change the same pool at once on
 * any node. The job releases the locks through {@link org.failback.batch.job.pool.PoolJobListener} however it ends.
 */
@ApplicationScoped
public class LockedJobStarts {

    @Inject
    PoolJobLock locks;

    /**
     * Starts a job that changes {@code pool} (and so must not run beside a failover or failback involving it): a held
     * lock → JobRunningException and nothing started.
     */
    public long startLocked(PoolJob job, FrontEndPool pool, Properties parameters) {
        List<Integer> poolIds = pool.involvedPoolIds();
        String token = PoolJobLock.newToken();
        locks.acquire(poolIds, job.jobName(), job + " of " + pool.getName(), token);
        parameters.setProperty(PoolJobLock.TOKEN_PARAMETER, token);
        return startHolding(poolIds, job, parameters);
    }

    /** Starts the job on pools whose locks are taken: the locks pass to the execution, or are let go if it cannot start. */
    public long startHolding(List<Integer> poolIds, PoolJob job, Properties parameters) {
        long executionId;
        try {
            executionId = BatchRuntime.getJobOperator().start(job.jobName(), parameters);
        } catch (RuntimeException e) {
            locks.release(poolIds);
            throw e;
        }
        locks.assignExecution(poolIds, executionId);
        return executionId;
    }
}
