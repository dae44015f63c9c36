package org.failback.batch.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Every execution the product started or restarted: which pool, who, restart of what, how many items. */
@ApplicationScoped
public class JobRuns {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** One recorded run. */
    public record Run(long jobExecutionId, String jobName, String pool, String startedBy, Long restartOf, long itemsTotal, Instant requestedAt) {
    }

    public void record(Run run) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO job_run (job_execution_id, job_name, pool_name, started_by,"
                     + " restart_of, items_total, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, run.jobExecutionId());
            insert.setString(2, run.jobName());
            insert.setString(3, run.pool());
            insert.setString(4, run.startedBy());
            if (run.restartOf() == null) {
                insert.setNull(5, java.sql.Types.BIGINT);
            } else {
                insert.setLong(5, run.restartOf());
            }
            insert.setLong(6, run.itemsTotal());
            insert.setTimestamp(7, Timestamp.from(run.requestedAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the job run: " + e.getMessage(), e);
        }
    }

    public Optional<Run> find(long jobExecutionId) {
        List<Run> runs = query("SELECT * FROM job_run WHERE job_execution_id = ?", List.of(jobExecutionId), 1);
        return runs.stream().findFirst();
    }

    /** Newest first, optionally only one pool's. */
    public List<Run> list(String pool, int limit) {
        return pool == null
                ? query("SELECT * FROM job_run ORDER BY job_execution_id DESC", List.of(), limit)
                : query("SELECT * FROM job_run WHERE pool_name = ? ORDER BY job_execution_id DESC", List.of(pool), limit);
    }

    /** The execution and the ones it restarted, oldest first: a restart continues the same run. */
    public List<Long> chain(long jobExecutionId) {
        List<Long> chain = new ArrayList<>();
        Long current = jobExecutionId;
        while (current != null && chain.size() < 1000) {
            chain.add(0, current);
            current = find(current).map(Run::restartOf).orElse(null);
        }
        return chain;
    }

    private List<Run> query(String sql, List<Object> parameters, int limit) {
        List<Run> runs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement(sql + " FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long restartOf = rs.getLong("restart_of");
                    runs.add(new Run(rs.getLong("job_execution_id"), rs.getString("job_name"), rs.getString("pool_name"),
                            rs.getString("started_by"), rs.wasNull() ? null : restartOf, rs.getLong("items_total"),
                            rs.getTimestamp("requested_at").toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read job runs: " + e.getMessage(), e);
        }
        return runs;
    }
}
