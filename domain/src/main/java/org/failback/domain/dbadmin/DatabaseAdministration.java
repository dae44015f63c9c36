package org.failback.domain.dbadmin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which jobs administer the managed databases (LIS per Front End pool, Persistent Chat's
 * {@code mgc}/{@code mgccomp}). Adapters issue real statements to a real engine, report every one to their
 * {@link DatabaseOperationLog}, are idempotent where the runbook needs it (they check state before acting) and throw
 * {@link UnsupportedCapabilityException} for what their engine cannot do: callers check {@link #capabilities()} first.
 */
public interface DatabaseAdministration {

    /** A short engine name for logs and messages ({@code H2 2.2.224}, {@code SQL Server 16.0…}). */
    String engine();

    Set<Capability> capabilities();

    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    boolean databaseExists(DatabaseName name);

    /** Creates an empty database unless it exists; true if it was created. */
    boolean createDatabase(DatabaseName name);

    /** A full backup to {@code file} (overwriting a file of that name), with its SHA-256. */
    BackupResult backupDatabase(DatabaseName name, BackupFile file);

    /**
     * Checks a backup without touching any managed database: the file's SHA-256 against {@code expectedSha256}
     * (when given) and the engine's own check (a scratch restore, {@code RESTORE VERIFYONLY}). A mismatching or
     * unreadable file gives {@code ok = false} with the reason in {@code checks}.
     */
    VerificationResult verifyBackup(BackupFile file, String expectedSha256, Map<String, Long> expectedRowCounts);

    /** The file's SHA-256 equals {@code expectedSha256}, else {@link CorruptBackupException}; nothing else is done. */
    void checkChecksum(BackupFile file, String expectedSha256);

    /** Restores {@code name} from {@code file}; a corrupt file is refused with the target left as it was. */
    void restoreDatabase(DatabaseName name, BackupFile file, RestoreOptions options);

    /** Whether {@code name} takes part in database mirroring; false on engines without {@link Capability#MIRRORING}. */
    boolean isMirrored(DatabaseName name);

    /** Removes mirroring from {@code name}; no-op (reported) when it is not mirrored. */
    void removeMirroring(DatabaseName name);

    /** A transaction-log backup ({@link Capability#LOG_BACKUP}). */
    BackupResult backupLog(DatabaseName name, BackupFile file);

    /**
     * Restores a transaction-log backup, {@code WITH NORECOVERY} unless {@code recovery}; a file already restored is
     * skipped (reported), also after the database was recovered.
     */
    void restoreLog(DatabaseName name, BackupFile file, boolean recovery);

    /** Puts {@code name} in the FULL recovery model that log backups need; no-op when it has it already. */
    default void setFullRecovery(DatabaseName name) {
        throw new UnsupportedCapabilityException(Capability.LOG_BACKUP, engine());
    }

    /**
     * {@code RESTORE DATABASE … WITH RECOVERY}: brings a database left restoring (log shipping's secondary) online;
     * true if it did. One already online is left as it is (reported), so a restarted failover may call it again.
     */
    boolean recoverDatabase(DatabaseName name);

    /** The file {@code name} was last restored from, as the engine records it; empty when never restored. */
    Optional<String> lastRestoredFile(DatabaseName name);

    /** What the instance shows of a database: state, recovery model, mirroring; empty when it does not exist. */
    Optional<DatabaseState> describe(DatabaseName name);

    /**
     * Checks, on this instance and as the account that copies and restores backups there, read access to {@code
     * share} and write access to {@code copyFolder}; nothing else is changed (a probe file is removed again).
     */
    ShareAccess checkShareAccess(SharePath share, SharePath copyFolder);
}
