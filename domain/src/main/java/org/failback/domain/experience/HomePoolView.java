package org.failback.domain.experience;

import java.time.Instant;
import java.util.Objects;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolState;

/**
 * A user's home pool as the experience policy needs it, read once per decision so that one request is judged
 * against one consistent state.
 *
 * @param backupPool null only for a pool never paired, which therefore cannot be failed over
 * @param outageAt when the pool went down; required while DOWN, ignored in every other state
 * @param resiliencyTimerSeconds the current value: while DOWN, changing it moves the sign-in deadline
 */
public record HomePoolView(
        PoolName name, PoolState state, PoolName backupPool, Instant outageAt, int resiliencyTimerSeconds) {

    public HomePoolView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        if (name.equals(backupPool)) {
            throw new IllegalArgumentException("pool " + name + " cannot be its own backup pool");
        }
        if (backupPool == null && state != PoolState.NORMAL && state != PoolState.DOWN) {
            throw new IllegalArgumentException("pool " + name + " is " + state + " without a backup pool");
        }
        if (state == PoolState.DOWN && outageAt == null) {
            throw new IllegalArgumentException("pool " + name + " is DOWN without an outage instant");
        }
        if (resiliencyTimerSeconds < 1) {
            throw new IllegalArgumentException(
                    "resiliencyTimerSeconds must be positive, was " + resiliencyTimerSeconds);
        }
    }

    /**
     * The first instant the users of a DOWN pool may sign in to its backup pool without an administrator having
     * started failover; null when the pool is not DOWN, since only a DOWN pool holds its users back.
     */
    public Instant signInDeadline() {
        return state == PoolState.DOWN ? outageAt.plusSeconds(resiliencyTimerSeconds) : null;
    }

    /** DOWN or FAILING_OVER: seed 000 allows no new session until failover completes. */
    public boolean failoverIncomplete() {
        return state == PoolState.DOWN || state == PoolState.FAILING_OVER;
    }
}
