package org.failback.domain.dbadmin;

/** What a database engine behind {@link DatabaseAdministration} can do; jobs check before they ask. */
public enum Capability {
    /** Full database backup to a file. */
    BACKUP,
    /** A checksum the engine itself computes over the backup's pages ({@code WITH CHECKSUM}). */
    ENGINE_CHECKSUM,
    /** Checking a backup without overwriting anything (scratch restore or {@code RESTORE VERIFYONLY}). */
    VERIFY,
    /** Restore over an existing database ({@code WITH REPLACE}). */
    RESTORE_REPLACE,
    /** Restore left in the restoring state ({@code WITH NORECOVERY}) for later log restores. */
    RESTORE_NORECOVERY,
    /** Database mirroring ({@code ALTER DATABASE … SET PARTNER}). */
    MIRRORING,
    /** Transaction-log backups and restores ({@code BACKUP LOG} / {@code RESTORE LOG}, a tail-log backup). */
    LOG_BACKUP,
    /** Log shipping run by the engine itself: msdb's procedures and SQL Server Agent's backup, copy, restore jobs. */
    LOG_SHIPPING
}
