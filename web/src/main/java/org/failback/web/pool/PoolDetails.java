package org.failback.web.pool;

import java.time.Instant;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.PoolUserCounts;

/**
 * {@code GET /api/pools/{pool}}: the state machine, the timer, where the pool's users stand, its last job, and whether
 * a failover left its LIS restore to be done (and why).
 */
public record PoolDetails(
        String name,
        String site,
        String backupPool,
        PoolState state,
        boolean repaired,
        int resiliencyTimerSeconds,
        Instant outageAt,
        Instant failoverCompletedAt,
        Instant failbackCompletedAt,
        PoolUserCounts counts,
        LastJob lastJob,
        boolean lisRestorePending,
        String lisRestorePendingReason) {

    static PoolDetails of(FrontEndPool pool, PoolUserCounts counts, LastJob lastJob) {
        return new PoolDetails(
                pool.getName(),
                pool.getSite().getName(),
                pool.getBackupPool() == null ? null : pool.getBackupPool().getName(),
                pool.getState(),
                pool.isRepaired(),
                pool.getResiliencyTimerSeconds(),
                pool.getOutageAt(),
                pool.getFailoverCompletedAt(),
                pool.getFailbackCompletedAt(),
                counts,
                lastJob,
                pool.isLisRestorePending(),
                pool.getLisRestorePendingReason());
    }
}
