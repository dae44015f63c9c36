package org.failback.batch.application.chat;

import java.time.Instant;
import java.util.List;

/** A Persistent Chat pool as GET /api/chat/pools/{pool} and the portal show it (API.md "Persistent Chat"). */
public record ChatPoolView(
        String name,
        String state,
        List<String> activeServers,
        Side primary,
        Side backup,
        List<DatabaseView> databases,
        RecoveryPoint recoveryPoint,
        List<ServerView> servers,
        String activeInstance,
        boolean primaryRebuilt,
        Long runningJobExecutionId) {

    public record Side(String instance, String site) {}

    public record ServerView(String name, String site, boolean active) {}

    public record DatabaseView(
            String name,
            String instance,
            String role,
            String state,
            String mirroring,
            LogShippingView logShipping,
            Instant lastBackup) {}

    public record LogShippingView(
            String primary,
            String secondary,
            Instant lastBackup,
            Instant lastCopy,
            Instant lastRestore,
            String lastRestoredFile,
            int backupThresholdMinutes,
            int restoreThresholdMinutes,
            String method,
            boolean alert) {}

    /** The newest data a failover kept: the last shipped file applied to the backup and when it was taken. */
    public record RecoveryPoint(String file, Instant backupTakenAt) {}
}
