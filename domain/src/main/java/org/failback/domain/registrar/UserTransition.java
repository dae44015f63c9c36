package org.failback.domain.registrar;

import static org.failback.domain.registrar.FailbackStatus.DONE;
import static org.failback.domain.registrar.FailbackStatus.FAILED;
import static org.failback.domain.registrar.FailbackStatus.MOVED;
import static org.failback.domain.registrar.FailbackStatus.NOT_AFFECTED;
import static org.failback.domain.registrar.FailbackStatus.ON_BACKUP;

import java.util.Arrays;

/**
 * The per-user steps of the Front End jobs, each an idempotent domain operation on a {@link Registration}, and the
 * statuses of the users each applies to: the one list a step's readers, its partition mapper and decider, and the
 * job plans and totals all count from.
 */
public enum UserTransition {

    /**
     * Failover: the user is served by the backup pool from now on. MOVED is a source too: a completed failback leaves
     * its users stored MOVED, seen as DONE ({@link FailbackStatus}).
     */
    FAIL_OVER(FAILED, NOT_AFFECTED, DONE, MOVED) {
        @Override
        Registration apply(Registration user, int backupPoolId) {
            return user.failedOverTo(backupPoolId);
        }
    },
    /**
     * Failback: signed out of the backup pool, signed in to the home pool in resiliency mode. The user's only write of
     * the failback: its completion is the pool's ({@link FailbackStatus}).
     */
    MOVE_HOME(FAILED, ON_BACKUP) {
        @Override
        Registration apply(Registration user, int backupPoolId) {
            return user.movedHome();
        }
    };

    private final FailbackStatus[] sources;

    UserTransition(FailbackStatus... sources) {
        this.sources = sources;
    }

    abstract Registration apply(Registration user, int backupPoolId);

    /**
     * The statuses of the users this transition applies to, in the order a step reads them: FAILED first, so a user
     * who fails during a run is not tried again by the same run.
     */
    public FailbackStatus[] sources() {
        return sources.clone();
    }

    /** The users a staged or stopped run left for later: the sources but those that failed. */
    public FailbackStatus[] pending() {
        return Arrays.stream(sources).filter(status -> status != FAILED).toArray(FailbackStatus[]::new);
    }

    /** The transition named by a step property, applied with the backup pool id property (absent for failback). */
    public static Registration apply(String transition, Registration user, String backupPoolId) {
        int backup = backupPoolId == null || backupPoolId.isBlank() ? -1 : Integer.parseInt(backupPoolId.strip());
        return valueOf(transition).apply(user, backup);
    }
}
