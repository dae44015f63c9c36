package org.failback.domain.dbadmin;

/**
 * Every administration statement or engine call to a managed database, as Ola Hallengren's {@code CommandLog}: a
 * row written before the command runs and completed after it, in a transaction of its own so that it stays when
 * the caller's work rolls back (and a crash leaves the end open).
 */
public interface CommandLog {

    /** Writes the row of a command about to run and answers its id. */
    long started(Command command);

    /** Completes the row: the end time, and the error when the command failed ({@code null}s when it succeeded). */
    void completed(long id, Integer errorNumber, String errorMessage);

    /** What is about to run: {@code database} null for instance-level commands. */
    record Command(
            InstanceName instance, DatabaseName database, String commandType, String command, Long jobExecutionId) {}
}
