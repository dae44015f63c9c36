package org.failback.batch.registrar;

import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.Registration;

/** The per-user steps of the Front End jobs, each an idempotent domain operation on a {@link Registration}. */
public enum UserTransition {

    /** Failover: the user is served by the backup pool from now on. */
    FAIL_OVER {
        @Override
        Registration apply(Registration user, int backupPoolId) {
            return user.failedOverTo(backupPoolId);
        }
    },
    /** Failback: signed out of the backup pool, signed in to the home pool in resiliency mode. */
    MOVE_HOME {
        @Override
        Registration apply(Registration user, int backupPoolId) {
            return user.movedHome();
        }
    },
    /** Failback completed: regular mode again. */
    COMPLETE_FAILBACK {
        @Override
        Registration apply(Registration user, int backupPoolId) {
            return user.failbackCompleted();
        }
    };

    abstract Registration apply(Registration user, int backupPoolId);

    /** The transition named by a step property, applied with the backup pool id property (absent for failback). */
    static Registration apply(String transition, Registration user, String backupPoolId) {
        int backup = backupPoolId == null || backupPoolId.isBlank() ? -1 : Integer.parseInt(backupPoolId.strip());
        return valueOf(transition).apply(user, backup);
    }

    static FailbackStatus[] parseStatuses(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).map(FailbackStatus::valueOf).toArray(FailbackStatus[]::new);
    }
}
