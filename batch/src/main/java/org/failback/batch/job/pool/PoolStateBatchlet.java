package org.failback.batch.job.pool;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;

/** The pool-level steps of the runbooks (begin/complete failover and failback), each idempotent on restart. */
@Named
public class PoolStateBatchlet extends AbstractBatchlet {

    /** The pool-level steps, named as in the job XML. */
    enum Action {
        BEGIN_FAILOVER,
        COMPLETE_FAILOVER,
        BEGIN_FAILBACK,
        COMPLETE_FAILBACK
    }

    @Inject
    @BatchProperty
    String pool;

    @Inject
    @BatchProperty
    String action;

    @Inject
    PoolService pools;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    JobLog log;

    @Override
    public String process() {
        PoolName name = PoolName.of(pool);
        FrontEndPool result = switch (Action.valueOf(action)) {
            case BEGIN_FAILOVER -> pools.beginFailover(name);
            case COMPLETE_FAILOVER -> pools.completeFailover(name);
            case BEGIN_FAILBACK -> pools.beginFailback(name);
            case COMPLETE_FAILBACK -> pools.completeFailback(name);
        };
        if (result.isLisRestorePending() && Action.valueOf(action) == Action.COMPLETE_FAILOVER) {
            // Set here, after the users-remaining decision set the job's: the restore left to do is what to read.
            String pending = "LIS_RESTORE_PENDING: " + result.getLisRestorePendingReason();
            job.setExitStatus(pending.length() > 500 ? pending.substring(0, 500) + "…" : pending);
        }
        pools.recordJob(name, job.getExecutionId());
        log.log(job.getExecutionId(), step.getStepName(), "pool " + name + " is now " + result.getState());
        return result.getState().name();
    }
}
