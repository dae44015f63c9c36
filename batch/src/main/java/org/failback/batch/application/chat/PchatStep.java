package org.failback.batch.application.chat;

import java.util.Arrays;
import java.util.List;

/**
 * The steps of the two Persistent Chat jobs, in order: the job XML's step ids, the dry-run plan and the portal all
 * read this list. Failover follows Lync's "Failing over Persistent Chat Server"; failback is seed 003's seven steps.
 */
public enum PchatStep {
    CHECK_SHARE_ACCESS(
            Job.FAILOVER,
            "check-share-access",
            "the backup's service account can read the log-shipping share and write its local copy folder"),
    REMOVE_LOG_SHIPPING(Job.FAILOVER, "remove-log-shipping", "remove the secondary's log-shipping configuration"),
    APPLY_PENDING_BACKUPS(
            Job.FAILOVER,
            "apply-pending-backups",
            "copy and apply, in order, every backup on the share the backup has not restored"),
    END_CONNECTIONS(Job.FAILOVER, "end-connections", "end open connections to the backup's mgc and mgccomp"),
    RECOVER_DATABASES(
            Job.FAILOVER,
            "recover-databases",
            "RESTORE ... WITH RECOVERY of the backup's mgc and mgccomp (Lync fails over mgc only; we carry mgccomp"
                    + " too), and record the recovery point"),
    SET_POOL_STATE_FAILED_OVER(
            Job.FAILOVER,
            "set-pool-state-failed-over",
            "Set-CsPersistentChatState -PoolState FailedOver; active servers from the backup site"),
    CLEAR_ACTIVE_SERVERS(
            Job.FAILBACK,
            "clear-active-servers",
            "1. clear the active server list: no chat server connects to mgc/mgccomp during failback"),
    REMOVE_MIRRORING(Job.FAILBACK, "remove-mirroring", "2. remove mirroring from the backup's mgc and mgccomp"),
    BACKUP_MGC_TO_SHARE(
            Job.FAILBACK,
            "backup-mgc-to-share",
            "3. full backup of the backup's mgc (and mgccomp) to the log-shipping share, with checksum, verified"),
    RESTORE_PRIMARY(
            Job.FAILBACK,
            "restore-primary",
            "4. restore the primary's mgc (and mgccomp) from it: overwrite, leave ready to use"),
    CONFIGURE_LOG_SHIPPING(
            Job.FAILBACK,
            "configure-log-shipping",
            "5. log shipping from the new primary to the backup, seeded from the same backup (the reprotect)"),
    SET_ACTIVE_SERVERS(
            Job.FAILBACK,
            "set-active-servers",
            "6. set the active servers (each in the primary's site or one with a low-latency link to it)"),
    SET_POOL_STATE_NORMAL(Job.FAILBACK, "set-pool-state-normal", "7. Set-CsPersistentChatState -PoolState Normal");

    /** The two jobs and their ids (job XML names). */
    public enum Job {
        FAILOVER("pchat-failover"),
        FAILBACK("pchat-failback");

        private final String id;

        Job(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static boolean isChatJob(String jobName) {
            return Arrays.stream(values()).anyMatch(j -> j.id.equals(jobName));
        }
    }

    private final Job job;
    private final String id;
    private final String description;

    PchatStep(Job job, String id, String description) {
        this.job = job;
        this.id = id;
        this.description = description;
    }

    public Job job() {
        return job;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static List<PchatStep> of(Job job) {
        return Arrays.stream(values()).filter(s -> s.job == job).toList();
    }

    public static PchatStep byId(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pchat step " + id));
    }
}
