package org.failback.domain.registrar;

import java.util.EnumSet;
import java.util.Set;
import org.failback.domain.pool.PoolState;

/**
 * Where one user stands in the failover/failback of their home pool.
 * ON_BACKUP from the moment failover starts, MOVED once served by the home pool again (resiliency mode),
 * DONE once failback completed for the pool.
 *
 * <p>Failback completion is a pool-level event in seed 000 ("after failback completion: user remains signed in and
 * goes into regular mode"), so it is stored once, as the pool leaving FAILING_BACK, not once per user: a user stored
 * MOVED is DONE as soon as their home pool is no longer FAILING_BACK. A failback thus writes each user once (the
 * move home). Only completeFailback leaves FAILING_BACK, and the next failover writes every MOVED user again.
 */
public enum FailbackStatus {
    NOT_AFFECTED,
    ON_BACKUP,
    MOVED,
    DONE,
    FAILED;

    /** This stored status as the user's home pool in {@code homeState} makes it. */
    public FailbackStatus seenWhile(PoolState homeState) {
        return this == MOVED && homeState != PoolState.FAILING_BACK ? DONE : this;
    }

    /** The stored statuses that are seen as this one while the home pool is in {@code homeState} (may be none). */
    public Set<FailbackStatus> storedWhile(PoolState homeState) {
        Set<FailbackStatus> stored = EnumSet.noneOf(FailbackStatus.class);
        for (FailbackStatus status : values()) {
            if (status.seenWhile(homeState) == this) {
                stored.add(status);
            }
        }
        return stored;
    }
}
