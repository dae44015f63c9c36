package org.failback.batch.infrastructure.jobs;

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
    public record Run(
            long jobExecutionId,
            String jobName,
            String pool,
            String startedBy,
            Long restartOf,
            long itemsTotal,
            Instant requestedAt) {}

    public void record(Run run) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO job_run (job_execution_id, job_name, pool_name, started_by,"
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

    /**
     * Newest first, optionally only one pool's, and only those whose execution has a BatchStatus (as the JDBC job
     * repository stores it, so the filter costs one query however long the history is: a LIS backup schedule alone
     * adds a hundred runs a day per pool).
     */
    public List<Run> list(String pool, String status, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.* FROM job_run r");
        if (status != null) {
            // JobOperator cannot filter executions by status (only per instance, one call per run): JBeret's own
            // table is read, whose name and columns are the same in its H2 and SQL Server DDL.
            sql.append(" JOIN JOB_EXECUTION e ON e.JOBEXECUTIONID = r.job_execution_id AND e.BATCHSTATUS = ?");
            parameters.add(status);
        }
        if (pool != null) {
            sql.append(" WHERE r.pool_name = ?");
            parameters.add(pool);
        }
        return query(sql.append(" ORDER BY r.job_execution_id DESC").toString(), parameters, limit);
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
                PreparedStatement query = c.prepareStatement(
                        sql + " OFFSET 0 ROWS FETCH NEXT " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    // wasNull() speaks of the column read last, so it is asked right after restart_of.
                    long restartOf = rs.getLong("restart_of");
                    Long restart = rs.wasNull() ? null : restartOf;
                    runs.add(new Run(
                            rs.getLong("job_execution_id"),
                            rs.getString("job_name"),
                            rs.getString("pool_name"),
                            rs.getString("started_by"),
                            restart,
                            rs.getLong("items_total"),
                            rs.getTimestamp("requested_at").toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read job runs: " + e.getMessage(), e);
        }
        return runs;
    }
}
