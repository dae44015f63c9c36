package org.failback.domain.dbadmin;

/** A backup file is missing, truncated or altered (its checksum or content does not match): refused, nothing changed. */
public class CorruptBackupException extends DatabaseAdministrationException {

    public CorruptBackupException(String message) {
        super(message);
    }

    public CorruptBackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
