package org.failback.batch.application.pool;

import java.util.List;
import java.util.Map;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.application.lis.LisBackupChoice;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolState;

/**
 * What each step of a failover or failback will do, worded for the dry-run plan. The steps come from the job XML
 * (PoolJob.steps), so a step added there without a line here fails the build's test instead of vanishing from the plan.
 */
final class PlanSteps {

    /** What the plan knows before the job starts. */
    record Facts(
            PoolName pool,
            String backupPool,
            PoolState backupState,
            long users,
            long signedIn,
            long conferences,
            Integer maxUsers,
            LisBackupChoice lisChoice) {}

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
                        "complete-failback",
                        "pool → NORMAL: every user moved home DONE, regular mode, presence live again"
                                + backupPoolNotNormal(f));
            default -> throw new IllegalArgumentException(job + " has no dry-run plan");
        };
    }

    /** The failover's LIS step as the restore batchlet would run it, or why it would leave the restore pending. */
    private static String restoreLisBackup(Facts f) {
        LisBackupChoice choice = f.lisChoice();
        String passedOver =
                choice.passedOver().isEmpty() ? "" : " (passed over: " + String.join("; ", choice.passedOver()) + ")";
        return choice.backup()
                .map(b -> b.fileName() + " (taken " + b.takenAt()
                        + ", SHA-256 checked) merged into the LIS database of " + f.backupPool()
                        + ", which keeps its own locations" + passedOver)
                .orElseGet(() -> "LEFT PENDING: " + choice.whyNone(f.pool())
                        + "; the failover completes all the same and pool " + f.pool()
                        + " shows lisRestorePending until POST /api/lis/" + f.backupPool() + "/restores {\"from\": \""
                        + f.pool() + "\"} restores one");
    }

    /** Seed 000 lets a failback run while the backup pool is itself down: the plan says what that means. */
    private static String backupPoolNotNormal(Facts f) {
        return f.backupState() == PoolState.NORMAL
                ? ""
                : " (backup pool " + f.backupPool() + " is " + f.backupState() + ": the failback is the way home for "
                        + f.pool() + "'s users; those it had signed in were signed out by its outage and sign in to "
                        + f.pool() + ")";
    }
}
