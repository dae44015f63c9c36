package org.failback.batch.application.pool;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.pool.PoolName;

/**
 * What each step of a failover or failback will do, worded for the dry-run plan. The steps come from the job XML
 * (PoolJob.steps), so a step added there without a line here fails the build's test instead of vanishing from the plan.
 */
final class PlanSteps {

    /** What the plan knows before the job starts. */
    record Facts(
            PoolName pool,
            String backupPool,
            long users,
            long signedIn,
            long conferences,
            Integer maxUsers,
            Optional<StoredBackup> lisBackup) {}

    private PlanSteps() {}

    static List<String> of(PoolJob job, Facts facts) {
        Map<String, String> what = describe(job, facts);
        return job.steps().stream()
                .map(step -> {
                    String text = what.get(step);
                    if (text == null) {
                        throw new IllegalStateException("the plan of " + job + " does not describe its step " + step);
                    }
                    return step + ": " + text;
                })
                .toList();
    }

    /** One line per step id; the keys must be exactly the job's steps. */
    static Map<String, String> describe(PoolJob job, Facts f) {
        return switch (job) {
            case FAILOVER ->
                Map.of(
                        "begin-failover",
                        "pool " + f.pool() + " → FAILING_OVER (sign-in to " + f.backupPool() + " in resiliency mode)",
                        "restore-lis-backup",
                        restoreLisBackup(f),
                        "serve-users-from-backup",
                        f.users() + " users served by " + f.backupPool(),
                        "complete-failover",
                        "pool → FAILED_OVER, signed-in users leave resiliency mode");
            case FAILBACK ->
                Map.of(
                        "begin-failback",
                        "pool " + f.pool() + " → FAILING_BACK, " + f.conferences()
                                + " conferences of affected users terminated (rejoin offered)",
                        "move-users-home",
                        (f.maxUsers() == null ? f.users() : Math.min(f.users(), f.maxUsers())) + " users moved home ("
                                + f.signedIn() + " signed in: signed out of " + f.backupPool() + ", signed in to "
                                + f.pool() + " in resiliency mode)",
                        "mark-users-done",
                        "every user DONE, regular mode, presence live again",
                        "complete-failback",
                        "pool → NORMAL");
            default -> throw new IllegalArgumentException(job + " has no dry-run plan");
        };
    }

    /** The failover's LIS step as the restore batchlet would run it, or why it would stop there. */
    private static String restoreLisBackup(Facts f) {
        return f.lisBackup()
                .map(b ->
                        b.fileName() + " (taken " + b.takenAt() + ", SHA-256 checked) merged into the LIS database of "
                                + f.backupPool() + ", which keeps its own locations")
                .orElseGet(() -> "WOULD STOP HERE: pool " + f.pool()
                        + " has no verified LIS backup; take one first with POST /api/lis/" + f.pool()
                        + "/backups (a failover stopped here continues when restarted after one is taken)");
    }
}
