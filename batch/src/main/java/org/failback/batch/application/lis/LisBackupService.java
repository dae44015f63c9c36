package org.failback.batch.application.lis;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.batch.infrastructure.lis.LisLocationStore;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.VerificationResult;
import org.failback.domain.lis.LisBackupSchedule;
import org.failback.domain.lis.LisDatabases;
import org.failback.domain.lis.LisLocation;
import org.failback.domain.lis.NoLisBackupException;
import org.failback.domain.pool.PoolName;

/**
 * The LIS runbook steps on top of the database-administration port: take a backup and record it, verify it by a
 * scratch restore, apply retention, and restore a failed pool's latest verified backup merged into its backup pool.
 * Every engine operation goes to the given operation log.
 */
public class LisBackupService {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final LisStorage storage;
    private final DatabaseOperationLog log;
    private final Long jobExecutionId;

    /** {@code jobExecutionId}: the job whose commands these are in the command log (null outside a job). */
    public LisBackupService(LisStorage storage, DatabaseOperationLog log, Long jobExecutionId) {
        this.storage = storage;
        this.log = log;
        this.jobExecutionId = jobExecutionId;
    }

    /** The port of the instance holding {@code pool}'s LIS database. */
    private DatabaseAdministration admin(Connection product, PoolName pool) throws SQLException {
        return storage.administration(product, pool, jobExecutionId, log);
    }

    /** Backs up the pool's LIS database to a new file and records it (not yet verified). */
    public StoredBackup take(Connection product, PoolName pool, Long jobInstanceId, Long jobExecutionId)
            throws SQLException {
        LisBackupRepository backups = new LisBackupRepository(product);
        backups.requirePool(pool);
        // Make sure the database exists and has its schema before the first backup.
        try (Connection ignored = storage.open(product, pool)) {
            ignored.isValid(1);
        }
        BackupFile file =
                storage.backupShare(pool).file("lis-" + pool.value() + "-" + STAMP.format(Instant.now()) + ".zip");
        BackupResult result = admin(product, pool).backupDatabase(LisDatabases.of(pool), file);
        long id = backups.insert(pool, result, jobInstanceId, jobExecutionId);
        log.issued("recorded backup " + file.fileName() + " of pool " + pool + " (" + result.bytes()
                + " bytes, SHA-256 " + result.sha256() + ")");
        return backups.list(pool).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    /** True when the recorded file is still there with its recorded checksum (a restarted job step can skip work). */
    public boolean intact(Connection product, StoredBackup backup) throws SQLException {
        try {
            admin(product, backup.pool()).checkChecksum(file(backup), backup.sha256());
            return true;
        } catch (CorruptBackupException e) {
            return false;
        }
    }

    /** The recorded file is there with its recorded SHA-256, else {@link CorruptBackupException}. */
    public void checkChecksum(Connection product, StoredBackup backup) throws SQLException {
        admin(product, backup.pool()).checkChecksum(file(backup), backup.sha256());
    }

    /** Scratch-restores the backup, compares checksum and row counts, and records what was found. */
    public VerificationResult verify(Connection product, StoredBackup backup) throws SQLException {
        VerificationResult result =
                admin(product, backup.pool()).verifyBackup(file(backup), backup.sha256(), backup.rowCounts());
        String summary = (result.ok() ? "verified: " : "verification FAILED: ") + String.join("; ", result.checks());
        log.issued("backup " + backup.fileName() + " " + summary);
        new LisBackupRepository(product).recordVerification(backup.id(), false, summary);
        return result;
    }

    public void markVerified(Connection product, StoredBackup backup, String verification) throws SQLException {
        new LisBackupRepository(product).recordVerification(backup.id(), true, verification);
    }

    /**
     * Keeps the newest {@code keep} verified backups of the pool; older backups (and failed ones older than the
     * newest verified) are deleted, file and record. Returns the names of the files deleted.
     */
    public List<String> applyRetention(Connection product, PoolName pool, int keep) throws SQLException {
        LisBackupRepository backups = new LisBackupRepository(product);
        List<StoredBackup> all = backups.list(pool);
        int verifiedSeen = 0;
        boolean newerVerified = false;
        List<String> deleted = new java.util.ArrayList<>();
        for (StoredBackup b : all) {
            boolean drop;
            if (b.verified()) {
                verifiedSeen++;
                drop = verifiedSeen > keep;
                newerVerified = true;
            } else {
                drop = newerVerified;
            }
            if (drop) {
                try {
                    Files.deleteIfExists(file(b).path());
                } catch (IOException e) {
                    log.issued("could not delete " + b.fileName() + ": " + e.getMessage());
                    continue;
                }
                backups.delete(b.id());
                deleted.add(b.fileName());
            }
        }
        if (!deleted.isEmpty()) {
            log.issued("retention (keep " + keep + ") deleted " + deleted);
        }
        return deleted;
    }

    /**
     * Failover's LIS step: the failed pool's latest verified backup, checksum checked, restored into a staging
     * database with REPLACE, RECOVERY, and its locations merged into the backup pool's LIS database (which keeps its
     * own). Idempotent: merged rows are keyed by origin pool and id.
     */
    public LisLocationStore.MergeResult restoreIntoBackupPool(Connection product, PoolName failed, PoolName backupPool)
            throws SQLException {
        LisBackupChoice choice = choose(product, failed);
        choice.passedOver().forEach(reason -> log.issued("passed over: " + reason));
        StoredBackup backup =
                choice.backup().orElseThrow(() -> new NoLisBackupException(failed.value(), choice.whyNone(failed)));
        BackupFile file = file(backup);
        log.issued((choice.passedOver().isEmpty() ? "latest" : "newest usable (older)") + " verified LIS backup of "
                + failed + ": " + backup.fileName() + " taken " + backup.takenAt());
        // Staged on the backup pool's instance, where its LIS database is: SHA-256 first, a corrupt file changes
        // nothing.
        DatabaseAdministration target = admin(product, backupPool);
        target.checkChecksum(file, backup.sha256());
        DatabaseName staging = LisDatabases.stagingOf(failed);
        target.restoreDatabase(staging, file, RestoreOptions.replaceWithRecovery());
        List<LisLocation> locations;
        try (Connection source = storage.openExisting(product, backupPool, staging)) {
            locations = LisLocationStore.list(source);
        }
        LisLocationStore.MergeResult result;
        try (Connection lis = storage.open(product, backupPool)) {
            result = LisLocationStore.merge(lis, backupPool, failed, locations);
        }
        log.issued("MERGE " + locations.size() + " locations of " + failed + " into LIS database "
                + LisDatabases.of(backupPool)
                + ": " + result.inserted() + " inserted, " + result.updated() + " already there (updated), "
                + result.skipped()
                + " skipped (" + backupPool + "'s own)");
        return result;
    }

    /** The backup a restore of the pool would use now, and the newer ones it would pass over. */
    public LisBackupChoice choose(Connection product, PoolName pool) throws SQLException {
        return LisBackupChoice.of(new LisBackupRepository(product).list(pool), backup -> {
            try {
                return intact(product, backup);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot check the LIS backup " + backup.fileName() + ": " + e.getMessage(), e);
            }
        });
    }

    public Optional<StoredBackup> latestVerified(Connection product, PoolName pool) throws SQLException {
        return new LisBackupRepository(product).latestVerified(pool);
    }

    public BackupFile file(StoredBackup backup) {
        return storage.backupShare(backup.pool()).file(backup.fileName());
    }

    /** A new pool's first backup, taken and verified at once: a failover restores the latest verified one. */
    public StoredBackup takeVerifiedFirst(Connection product, PoolName pool) throws SQLException {
        StoredBackup first = take(product, pool, null, null);
        VerificationResult verified = verify(product, first);
        if (!verified.ok()) {
            throw new IllegalStateException("first LIS backup of " + pool + " did not verify: " + verified.checks());
        }
        markVerified(product, first, String.join("; ", verified.checks()));
        return first;
    }

    /**
     * Seed 000: "regularly back up the LIS database". Every pool starts with the standard schedule (hourly, keep 24,
     * first run an hour from now); a pool that has a schedule keeps it.
     */
    public static void scheduleIfMissing(Connection product, PoolName pool) throws SQLException {
        LisBackupRepository backups = new LisBackupRepository(product);
        if (backups.schedule(pool).isEmpty()) {
            backups.saveSchedule(
                    new LisBackupSchedule(pool.value(), 60, 24, Instant.now().plus(60, ChronoUnit.MINUTES)));
        }
    }
}
