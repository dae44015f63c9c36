package org.failback.domain.dbadmin;

import java.time.Duration;
import java.time.Instant;

/**
 * The monitor of one shipped database (API.md {@code logShipping}): when the primary was last backed up, the file
 * last copied and restored on the secondary, the thresholds, the method, and whether it is late.
 */
public record LogShippingStatus(
        InstanceName primary,
        InstanceName secondary,
        DatabaseName database,
        Instant lastBackup,
        Instant lastCopy,
        Instant lastRestore,
        String lastRestoredFile,
        int backupThresholdMinutes,
        int restoreThresholdMinutes,
        LogShippingMethod method,
        Instant configuredAt) {

    /**
     * Late when the last backup or restore is older than its threshold; before the first one, counted from when log
     * shipping was configured, so a configuration that never ships alerts too.
     */
    public boolean alert(Instant now) {
        return older(lastBackup, backupThresholdMinutes, now) || older(lastRestore, restoreThresholdMinutes, now);
    }

    private boolean older(Instant last, int minutes, Instant now) {
        Instant since = last != null ? last : configuredAt;
        return since != null && Duration.between(since, now).toMinutes() >= minutes;
    }
}
