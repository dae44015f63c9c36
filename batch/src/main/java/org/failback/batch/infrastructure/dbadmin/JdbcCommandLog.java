package org.failback.batch.infrastructure.dbadmin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.failback.domain.dbadmin.CommandLog;

/**
 * The command log in the product database (table {@code sql_command_log}). Each write takes a connection of its own
 * and commits it: the container's bean around it ({@code CommandLogStore}) suspends any caller transaction, so the
 * row survives a rollback of the work that issued the command.
 */
public class JdbcCommandLog implements CommandLog {

    private final DataSource dataSource;

    public JdbcCommandLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row as {@code GET /api/sql/commands} shows it. */
    public record Entry(
            long id,
            String instance,
            String database,
            String commandType,
            String command,
            Instant startTime,
            Instant endTime,
            Integer errorNumber,
            String errorMessage,
            Long jobExecutionId) {}

    /** The filters of {@code GET /api/sql/commands}; null means any. */
    public record Filter(Long jobExecutionId, String instance, String database, int limit) {}

    @Override
    public long started(Command command) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO sql_command_log (instance_name, database_name, command_type, command, start_time,"
                                + " job_execution_id) VALUES (?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, command.instance().value());
            insert.setString(
                    2, command.database() == null ? null : command.database().value());
            insert.setString(3, command.commandType());
            insert.setString(4, command.command());
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            if (command.jobExecutionId() == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, command.jobExecutionId());
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            // A command that cannot be logged does not run: the log is the promise that every command shows.
            throw new IllegalStateException("cannot write the command log: " + e.getMessage(), e);
        }
    }

    @Override
    public void completed(long id, Integer errorNumber, String errorMessage) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE sql_command_log SET end_time = ?,"
                        + " error_number = ?, error_message = ? WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            if (errorNumber == null) {
                update.setNull(2, Types.INTEGER);
            } else {
                update.setInt(2, errorNumber);
            }
            update.setString(3, errorMessage);
            update.setLong(4, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot complete command log row " + id + ": " + e.getMessage(), e);
        }
    }

    /** Newest first, by id (which grows). */
    public List<Entry> find(Filter filter) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, instance_name, database_name, command_type, command, start_time, end_time, error_number,"
                        + " error_message, job_execution_id FROM sql_command_log WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (filter.jobExecutionId() != null) {
            sql.append(" AND job_execution_id = ?");
            values.add(filter.jobExecutionId());
        }
        if (filter.instance() != null) {
            sql.append(" AND instance_name = ?");
            values.add(filter.instance());
        }
        if (filter.database() != null) {
            sql.append(" AND database_name = ?");
            values.add(filter.database());
        }
        sql.append(" ORDER BY id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY");
        values.add(filter.limit());
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Timestamp end = rs.getTimestamp(7);
                    int error = rs.getInt(8);
                    boolean noError = rs.wasNull();
                    long job = rs.getLong(10);
                    boolean noJob = rs.wasNull();
                    entries.add(new Entry(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            end == null ? null : end.toInstant(),
                            noError ? null : error,
                            rs.getString(9),
                            noJob ? null : job));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the command log: " + e.getMessage(), e);
        }
        return entries;
    }
}
