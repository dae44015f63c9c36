package org.failback.batch.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How far the user steps of an execution are, kept in the product database because JBeret counts a partitioned step
 * only when it ends (never, if its server died). A step's total is recorded when it starts; what it has done is
 * added by its writers in each chunk's own transaction, so a rolled-back chunk takes its count back with it, a crash
 * keeps what was committed, and every node reads the same figures. One done-row per partition, so parallel
 * partitions never wait on each other's row.
 */
@ApplicationScoped
public class StepCounts {

    private static final String RECORD_TOTAL = "MERGE INTO job_step_total t"
            + " USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(64)))) AS s (job_execution_id, step_name)"
            + " ON t.job_execution_id = s.job_execution_id AND t.step_name = s.step_name"
            + " WHEN MATCHED THEN UPDATE SET items_total = ?"
            + " WHEN NOT MATCHED THEN INSERT (job_execution_id, step_name, items_total) VALUES (s.job_execution_id, s.step_name, ?)";

    private static final String ADD_DONE = "MERGE INTO job_step_progress t"
            + " USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(254))))"
            + " AS s (job_execution_id, step_name, partition_key)"
            + " ON t.job_execution_id = s.job_execution_id AND t.step_name = s.step_name AND t.partition_key = s.partition_key"
            + " WHEN MATCHED THEN UPDATE SET items_done = t.items_done + ?, updated_at = ?"
            + " WHEN NOT MATCHED THEN INSERT (job_execution_id, step_name, partition_key, items_done, updated_at)"
            + " VALUES (s.job_execution_id, s.step_name, s.partition_key, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** Records (or, for a step run again in the same execution, replaces) what the step sets out to do. */
    public void recordTotal(long jobExecutionId, String step, long itemsTotal) {
        try (Connection c = dataSource.getConnection(); PreparedStatement merge = c.prepareStatement(RECORD_TOTAL)) {
            merge.setLong(1, jobExecutionId);
            merge.setString(2, step);
            merge.setLong(3, itemsTotal);
            merge.setLong(4, itemsTotal);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the total of step " + step + " of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
    }

    /** Adds a chunk's items on the chunk's own connection, so the count commits or rolls back with the items. */
    public static void addDone(Connection chunk, long jobExecutionId, String step, String partition, long items, Timestamp now)
            throws SQLException {
        try (PreparedStatement add = chunk.prepareStatement(ADD_DONE)) {
            add.setLong(1, jobExecutionId);
            add.setString(2, step);
            add.setString(3, partition == null ? "" : partition);
            add.setLong(4, items);
            add.setTimestamp(5, now);
            add.setLong(6, items);
            add.setTimestamp(7, now);
            add.executeUpdate();
        }
    }

    /** Totals by step name; steps that recorded none (batchlets) are absent. */
    public Map<String, Long> totals(long jobExecutionId) {
        return byStep("SELECT step_name, items_total FROM job_step_total WHERE job_execution_id = ?", jobExecutionId);
    }

    /** Items written by step name, all partitions summed; steps that wrote nothing are absent. */
    public Map<String, Long> done(long jobExecutionId) {
        return byStep("SELECT step_name, SUM(items_done) FROM job_step_progress WHERE job_execution_id = ? GROUP BY step_name", jobExecutionId);
    }

    private Map<String, Long> byStep(String query, long jobExecutionId) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(query)) {
            select.setLong(1, jobExecutionId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the step counts of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
        return counts;
    }
}
