package org.failback.batch.application.pool;

import org.failback.domain.pool.PoolName;

/**
 * Two Front End pools in two sites backing each other up, each with {@code users}
 * homed users. Tests and operators get fresh, isolated pools this way.
 */
public record PairRequest(
        PoolName site,
        PoolName backupSite,
        PoolName pool,
        PoolName backupPool,
        int users,
        int resiliencyTimerSeconds,
        boolean lowLatency,
        boolean lisBackup) {

    public static final String[] FIELDS = {
        "site", "backupSite", "pool", "backupPool", "users", "resiliencyTimerSeconds", "lowLatency", "lisBackup"
    };
    public static final int MAX_USERS = 1_000_000;
    public static final int DEFAULT_RESILIENCY_TIMER_SECONDS = 120;

    public PairRequest {
        if (site.equals(backupSite)) {
            throw new IllegalArgumentException(
                    "a pool and its backup pool must be in different sites, both are in " + site);
        }
        if (pool.equals(backupPool)) {
            throw new IllegalArgumentException("pool " + pool + " cannot be its own backup pool");
        }
    }
}
