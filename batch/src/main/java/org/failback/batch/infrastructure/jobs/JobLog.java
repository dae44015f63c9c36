package org.failback.batch.infrastructure.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.engine.DataDirectory;

/**
 * A job's own log: runbook steps, skips, and every database operation it issued. Written in the caller's
 * transaction when there is one, so a line about a chunk's work commits (or rolls back) with that work.
 */
@ApplicationScoped
public class JobLog {

    private static final Logger LOG = Logger.getLogger(JobLog.class.getName());
    private static final int MAX_LINE = 2000;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** One line of a job's log as the API shows it. */
    public record Line(Instant at, String step, String line) {}

    public void log(long jobExecutionId, String step, String line) {
        // The API shows these lines: data-directory paths are written relative to $FAILBACK_DATA.
        String relative = DataDirectory.withoutRoot(line);
        String text = relative.length() > MAX_LINE ? relative.substring(0, MAX_LINE - 1) + "…" : relative;
        LOG.info(() -> "job " + jobExecutionId + (step == null ? "" : " [" + step + "]") + ": " + text);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO job_log (job_execution_id, at, step, line) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, jobExecutionId);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, step);
            insert.setString(4, text);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the job log: " + e.getMessage(), e);
        }
    }

    /** A line about the caller's transaction rolling back: written in a transaction of its own, so it stays. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void logApart(long jobExecutionId, String step, String line) {
        log(jobExecutionId, step, line);
    }

    // Both queries order by every column of an index (ix_job_log_execution, ix_job_log_tail): ordered by id alone,
    // H2 reads and sorts the execution's whole log for each call, and the portal asks for the tail every second.

    /** The log of an execution and of every execution it restarted, oldest first. */
    public List<Line> lines(List<Long> executions, int limit) {
        List<Line> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT at, step, line FROM job_log WHERE job_execution_id = ? ORDER BY job_execution_id, id OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            for (long execution : executions) {
                query.setLong(1, execution);
                query.setInt(2, limit);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new Line(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job log: " + e.getMessage(), e);
        }
        return lines;
    }

    /** The last {@code limit} lines of an execution chain (oldest execution first), oldest line first: a log tail. */
    public List<Line> tail(List<Long> executions, int limit) {
        List<Line> newestFirst = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT at, step, line FROM job_log WHERE job_execution_id = ? ORDER BY job_execution_id DESC, id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            for (int i = executions.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
                query.setLong(1, executions.get(i));
                query.setInt(2, limit - newestFirst.size());
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        newestFirst.add(new Line(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job log: " + e.getMessage(), e);
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }
}
