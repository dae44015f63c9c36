package org.failback.batch.infrastructure.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * How far the user steps of an execution are, kept in the product database because JBeret counts a partitioned step
 * only when it ends (never, if its server died). A step's total is recorded when it starts; its writers record each
 * chunk in the chunk's own transaction, so a rolled-back chunk takes its count back with it, a crash keeps what was
 * committed, and every node reads the same figures. Chunks are inserted, never updated: parallel partitions never
 * wait on a shared row.
 */
@ApplicationScoped
public class StepCounts {

    private static final String RECORD_TOTAL = "MERGE INTO job_step_total t"
            + " USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(64)))) AS s (job_execution_id, step_name)"
            + " ON t.job_execution_id = s.job_execution_id AND t.step_name = s.step_name"
            + " WHEN MATCHED THEN UPDATE SET items_total = ?"
            + " WHEN NOT MATCHED THEN INSERT (job_execution_id, step_name, items_total) VALUES (s.job_execution_id, s.step_name, ?);";

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** Records (or, for a step run again in the same execution, replaces) what the step sets out to do. */
    public void recordTotal(long jobExecutionId, String step, long itemsTotal) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement merge = c.prepareStatement(RECORD_TOTAL)) {
            merge.setLong(1, jobExecutionId);
            merge.setString(2, step);
            merge.setLong(3, itemsTotal);
            merge.setLong(4, itemsTotal);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot record the total of step " + step + " of execution " + jobExecutionId + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Records a chunk on the chunk's own connection, so its count commits or rolls back with its items. */
    public static void addChunk(Connection chunk, long jobExecutionId, String step, int items, Timestamp now)
            throws SQLException {
        try (PreparedStatement insert = chunk.prepareStatement(
                "INSERT INTO job_chunk (job_execution_id, step_name, items, at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, jobExecutionId);
            insert.setString(2, step);
            insert.setInt(3, items);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
    }

    /** Totals by step name; steps that recorded none (batchlets) are absent. */
    public Map<String, Long> totals(long jobExecutionId) {
        return byStep("SELECT step_name, items_total FROM job_step_total WHERE job_execution_id = ?", jobExecutionId);
    }

    /** Items written by step name, all partitions summed; steps that wrote nothing are absent. */
    public Map<String, Long> done(long jobExecutionId) {
        return byStep(
                "SELECT step_name, SUM(items) FROM job_chunk WHERE job_execution_id = ? GROUP BY step_name",
                jobExecutionId);
    }

    /** Items done by chunks written at or after {@code since}. */
    public long doneSince(long jobExecutionId, Instant since) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT COALESCE(SUM(items), 0) FROM job_chunk WHERE job_execution_id = ? AND at >= ?")) {
            select.setLong(1, jobExecutionId);
            select.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the chunks of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The items done since {@code start}: (epoch millis, items done by then) at the end of each interval in which
     * chunks were written. Intervals are 250 ms, longer for long jobs so there are at most about 600.
     */
    public List<long[]> doneOverTime(long jobExecutionId, Instant start, Instant end) {
        long span = Duration.between(start, end).toMillis();
        long interval = Math.max(250, span / 600 + 1);
        // The chunks are summed per interval here, not with GROUP BY in SQL: the two engines share no expression for
        // milliseconds between two instants that may be grouped on by its alias.
        TreeMap<Long, Long> itemsBySlot = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT at, items FROM job_chunk WHERE job_execution_id = ? ORDER BY at")) {
            select.setLong(1, jobExecutionId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getObject(1, OffsetDateTime.class).toInstant();
                    long slot = Math.floorDiv(Duration.between(start, at).toMillis(), interval);
                    itemsBySlot.merge(slot, rs.getLong(2), Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the chunks of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
        List<long[]> samples = new ArrayList<>();
        long done = 0;
        for (Map.Entry<Long, Long> slot : itemsBySlot.entrySet()) {
            done += slot.getValue();
            samples.add(new long[] {start.toEpochMilli() + (slot.getKey() + 1) * interval, done});
        }
        return samples;
    }

    private Map<String, Long> byStep(String query, long jobExecutionId) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(query)) {
            select.setLong(1, jobExecutionId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the step counts of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
        return counts;
    }
}
