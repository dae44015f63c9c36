package org.failback.web.pool;

import jakarta.json.JsonObject;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.web.api.JsonBodies;

/**
 * {@code POST /api/topology/pairs}: two Front End pools in two sites backing each other up, each with {@code users}
 * homed users. Tests and operators get fresh, isolated pools this way.
 */
record PairRequest(
        PoolName site,
        PoolName backupSite,
        PoolName pool,
        PoolName backupPool,
        int users,
        int resiliencyTimerSeconds,
        boolean lowLatency,
        boolean lisBackup) {

    static final String[] FIELDS = {
        "site", "backupSite", "pool", "backupPool", "users", "resiliencyTimerSeconds", "lowLatency", "lisBackup"
    };
    static final int MAX_USERS = 1_000_000;
    static final int DEFAULT_RESILIENCY_TIMER_SECONDS = 120;

    PairRequest {
        if (site.equals(backupSite)) {
            throw new IllegalArgumentException(
                    "a pool and its backup pool must be in different sites, both are in " + site);
        }
        if (pool.equals(backupPool)) {
            throw new IllegalArgumentException("pool " + pool + " cannot be its own backup pool");
        }
    }

    static PairRequest from(JsonObject body) {
        return new PairRequest(
                PoolName.of(JsonBodies.string(body, "site")),
                PoolName.of(JsonBodies.string(body, "backupSite")),
                PoolName.of(JsonBodies.string(body, "pool")),
                PoolName.of(JsonBodies.string(body, "backupPool")),
                JsonBodies.integer(body, "users", 0, MAX_USERS),
                JsonBodies.integer(
                        body,
                        "resiliencyTimerSeconds",
                        FrontEndPool.MIN_RESILIENCY_TIMER_SECONDS,
                        FrontEndPool.MAX_RESILIENCY_TIMER_SECONDS,
                        DEFAULT_RESILIENCY_TIMER_SECONDS),
                JsonBodies.bool(body, "lowLatency", false),
                JsonBodies.bool(body, "lisBackup", true));
    }
}
