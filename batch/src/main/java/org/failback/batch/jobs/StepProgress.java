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
 * What the steps of an execution have written so far, kept in the product database by the writers in each chunk's
 * transaction: a rolled-back chunk takes its count back with it, and every node reads the same figures. One row per
 * partition, so parallel partitions never wait on each other's row.
 */
@ApplicationScoped
public class StepProgress {

    private static final String ADD = "MERGE INTO job_step_progress t"
            + " USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(254))))"
            + " AS s (job_execution_id, step_name, partition_key)"
            + " ON t.job_execution_id = s.job_execution_id AND t.step_name = s.step_name AND t.partition_key = s.partition_key"
            + " WHEN MATCHED THEN UPDATE SET items_done = t.items_done + ?, updated_at = ?"
            + " WHEN NOT MATCHED THEN INSERT (job_execution_id, step_name, partition_key, items_done, updated_at)"
            + " VALUES (s.job_execution_id, s.step_name, s.partition_key, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** Adds a chunk's items on the chunk's own connection, so the count commits or rolls back with the items. */
    public static void add(Connection chunk, long jobExecutionId, String step, String partition, long items, Timestamp now)
            throws SQLException {
        try (PreparedStatement add = chunk.prepareStatement(ADD)) {
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

    /** Items written by step name, all partitions summed; steps that wrote nothing are absent. */
    public Map<String, Long> of(long jobExecutionId) {
        Map<String, Long> done = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT step_name, SUM(items_done) FROM job_step_progress WHERE job_execution_id = ? GROUP BY step_name")) {
            query.setLong(1, jobExecutionId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    done.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the progress of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
        return done;
    }
}
