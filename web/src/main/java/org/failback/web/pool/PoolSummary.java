package org.failback.web.pool;

import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolState;

/** One line of {@code GET /api/pools}. */
public record PoolSummary(String name, String site, String backupPool, PoolState state, long homedUsers) {

    static PoolSummary of(FrontEndPool pool, long homedUsers) {
        return new PoolSummary(
                pool.getName(),
                pool.getSite().getName(),
                pool.getBackupPool() == null ? null : pool.getBackupPool().getName(),
                pool.getState(),
                homedUsers);
    }
}
