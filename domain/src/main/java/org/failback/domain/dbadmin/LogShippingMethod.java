package org.failback.domain.dbadmin;

/**
 * How a database is shipped to its secondary: real transaction-log backups (SQL Server), or consistent full backups
 * on the schedule where the engine has no log backups (H2). A full-backup round is never called a log chain.
 */
public enum LogShippingMethod {
    LOG_BACKUPS,
    FULL_BACKUPS;

    public static LogShippingMethod of(DatabaseAdministration primary) {
        return primary.can(Capability.LOG_BACKUP) ? LOG_BACKUPS : FULL_BACKUPS;
    }

    /** How the job log names one shipped file. */
    public String describe() {
        return this == LOG_BACKUPS
                ? "method LOG_BACKUPS (transaction-log backup chain)"
                : "method FULL_BACKUPS (consistent full backups: the engine has no transaction-log backups)";
    }
}
