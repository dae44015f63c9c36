package org.failback.domain.registrar;

import org.failback.domain.pool.PoolState;

/**
 * The registrar state of one user as the failover and failback jobs see it, and the per-user steps of those
 * jobs. Each step is idempotent: applied to a user it already moved, it answers the same registration, so a
 * re-processed item changes nothing.
 *
 * @param servingPoolId null while signed out
 * @param mode null while signed out
 */
public record Registration(
        long userId,
        int homePoolId,
        FailbackStatus status,
        boolean signedIn,
        Integer servingPoolId,
        RegistrationMode mode) {

    /** Failover started: the user is served by the backup pool from now on, signed in or not. */
    public Registration failedOverTo(int backupPoolId) {
        if (status == FailbackStatus.ON_BACKUP) {
            return this;
        }
        return new Registration(
                userId,
                homePoolId,
                FailbackStatus.ON_BACKUP,
                signedIn,
                signedIn ? Integer.valueOf(backupPoolId) : null,
                signedIn ? RegistrationMode.RESILIENCY : null);
    }

    /** Failover completed: whoever is signed in to the backup pool gets all its services. */
    public Registration failoverCompleted() {
        if (!signedIn || mode == RegistrationMode.REGULAR) {
            return this;
        }
        return new Registration(userId, homePoolId, status, true, servingPoolId, RegistrationMode.REGULAR);
    }

    /**
     * Failback moved the user home: signed out of the backup pool and, if signed in, signed back in to the
     * home pool in resiliency mode (seed 000, "User state of user already logged in").
     */
    public Registration movedHome() {
        if (status == FailbackStatus.MOVED || status == FailbackStatus.DONE) {
            return this;
        }
        return new Registration(
                userId,
                homePoolId,
                FailbackStatus.MOVED,
                signedIn,
                signedIn ? Integer.valueOf(homePoolId) : null,
                signedIn ? RegistrationMode.RESILIENCY : null);
    }

    /**
     * This registration as stored, seen while the home pool is in {@code homeState}: once the pool's failback completed
     * a user moved home is DONE and, if signed in, in regular mode, without a write of their own ({@link
     * FailbackStatus}).
     */
    public Registration seenWhile(PoolState homeState) {
        FailbackStatus seen = status.seenWhile(homeState);
        if (seen == status) {
            return this;
        }
        return new Registration(
                userId, homePoolId, seen, signedIn, servingPoolId, signedIn ? RegistrationMode.REGULAR : null);
    }

    public boolean sameAs(Registration other) {
        return equals(other);
    }
}
