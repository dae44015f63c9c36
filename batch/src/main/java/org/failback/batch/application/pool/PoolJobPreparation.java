package org.failback.batch.application.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.infrastructure.jobs.JobRunningException;
import org.failback.batch.infrastructure.jobs.PoolJobLock;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;

/** The transactional half of starting a pool job: check, lock the pools, set FAILING_OVER / FAILING_BACK. */
@ApplicationScoped
public class PoolJobPreparation {

    @Inject
    PoolService pools;

    @Inject
    PoolJobLock locks;

    /** The pool as prepared, with the ids of the pools the job locked. */
    public record Prepared(FrontEndPool pool, List<Integer> poolIds, String lockToken) {}

    @Transactional
    public Prepared prepare(PoolJob job, PoolName poolName) {
        FrontEndPool pool = pools.lockedPool(poolName);
        List<Integer> poolIds = PoolJobService.poolIds(pool);
        locks.holders(poolIds).stream().findFirst().ifPresent(holder -> {
            throw new JobRunningException(job + " of " + poolName + " refused: job " + holder.jobName()
                    + (holder.jobExecutionId() == null ? "" : " (execution " + holder.jobExecutionId() + ")")
                    + " is running for a pool it involves");
        });
        PoolJobService.checkStartable(job, pool);
        FrontEndPool prepared = job == PoolJob.FAILOVER ? pools.beginFailover(poolName) : pools.beginFailback(poolName);
        String token = PoolJobLock.newToken();
        locks.acquire(poolIds, job.jobName(), job + " of " + poolName, token);
        return new Prepared(prepared, poolIds, token);
    }
}
