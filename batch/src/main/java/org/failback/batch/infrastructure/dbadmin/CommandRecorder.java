package org.failback.batch.infrastructure.dbadmin;

import java.io.IOException;
import java.sql.SQLException;
import org.failback.domain.dbadmin.CommandLog;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;

/**
 * Runs each command of an adapter between the two writes of its command-log row: the row before, its end (and
 * error) after, whatever the outcome. One recorder per instance and job execution.
 */
public final class CommandRecorder {

    private static final int MAX_TEXT = 4000;

    private final CommandLog log;
    private final InstanceName instance;
    private final Long jobExecutionId;

    public CommandRecorder(CommandLog log, InstanceName instance, Long jobExecutionId) {
        this.log = log;
        this.instance = instance;
        this.jobExecutionId = jobExecutionId;
    }

    /** A command: SQL or an engine call (a file copy, a checksum). */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws SQLException, IOException;
    }

    public InstanceName instance() {
        return instance;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }

    public <T> T run(DatabaseName database, String commandType, String command, Call<T> call)
            throws SQLException, IOException {
        long id = log.started(
                new CommandLog.Command(instance, database, commandType, shortened(command), jobExecutionId));
        T result;
        try {
            result = call.run();
        } catch (SQLException e) {
            log.completed(id, e.getErrorCode(), shortened(e.getMessage()));
            throw e;
        } catch (IOException | RuntimeException e) {
            log.completed(id, null, shortened(e.getClass().getSimpleName() + ": " + e.getMessage()));
            throw e;
        }
        log.completed(id, null, null);
        return result;
    }

    /**
     * A state query: recorded when a job acts on it, not when the portal or the API only shows state (they poll,
     * and would bury the job's commands).
     */
    public <T> T query(DatabaseName database, String command, Call<T> call) throws SQLException, IOException {
        return jobExecutionId == null ? call.run() : run(database, "QUERY_STATE", command, call);
    }

    private static String shortened(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }
}
