package org.failback.batch.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The items each step of an execution set out to do, recorded when the step starts, so a running step shows a
 * percent on any node (JBeret's metrics of a partitioned step arrive only when it ends).
 */
@ApplicationScoped
public class StepTotals {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** Records (or, for a step re-run in the same execution, replaces) the step's total. */
    public void record(long jobExecutionId, String step, long itemsTotal) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement merge = c.prepareStatement("MERGE INTO job_step_total t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(64))))"
                     + " AS s (job_execution_id, step_name) ON t.job_execution_id = s.job_execution_id AND t.step_name = s.step_name"
                     + " WHEN MATCHED THEN UPDATE SET items_total = ?"
                     + " WHEN NOT MATCHED THEN INSERT (job_execution_id, step_name, items_total) VALUES (s.job_execution_id, s.step_name, ?)")) {
            merge.setLong(1, jobExecutionId);
            merge.setString(2, step);
            merge.setLong(3, itemsTotal);
            merge.setLong(4, itemsTotal);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the total of step " + step + " of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
    }

    /** Totals by step name; steps that recorded none are absent. */
    public Map<String, Long> of(long jobExecutionId) {
        Map<String, Long> totals = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT step_name, items_total FROM job_step_total WHERE job_execution_id = ?")) {
            query.setLong(1, jobExecutionId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the step totals of execution " + jobExecutionId + ": " + e.getMessage(), e);
        }
        return totals;
    }
}
