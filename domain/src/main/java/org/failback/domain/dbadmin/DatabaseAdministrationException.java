package org.failback.domain.dbadmin;

/** A database operation failed or was refused; the message says which and why. */
public class DatabaseAdministrationException extends RuntimeException {

    public DatabaseAdministrationException(String message) {
        super(message);
    }

    public DatabaseAdministrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
