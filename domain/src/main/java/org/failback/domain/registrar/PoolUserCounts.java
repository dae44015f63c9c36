package org.failback.domain.registrar;

import java.util.Map;

/**
 * How the users homed on one pool stand: all of them, how many are signed in anywhere, and how many are in each
 * failback status that matters to an operator following a failover or failback.
 */
public record PoolUserCounts(long homed, long signedIn, long onBackup, long moved, long done, long failed) {

    static PoolUserCounts of(long homed, Map<FailbackStatus, Long> perStatus, long signedIn) {
        return new PoolUserCounts(
                homed,
                signedIn,
                perStatus.getOrDefault(FailbackStatus.ON_BACKUP, 0L),
                perStatus.getOrDefault(FailbackStatus.MOVED, 0L),
                perStatus.getOrDefault(FailbackStatus.DONE, 0L),
                perStatus.getOrDefault(FailbackStatus.FAILED, 0L));
    }
}
