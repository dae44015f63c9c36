package org.failback.batch.infrastructure.pool;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import javax.sql.DataSource;

/** The site recovery plans that were run, each with a row per pool. */
@ApplicationScoped
public class SitePlanStore {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** One pool of a plan: the execution it started, or the code and message of its refusal. */
    public record PoolRow(String pool, Long jobExecutionId, String refusedCode, String refusedMessage) {}

    /** A recorded plan. */
    public record Plan(long id, String site, String kind, String startedBy, Instant startedAt, List<PoolRow> pools) {}

    public long record(String site, String kind, String startedBy, Instant startedAt, List<PoolRow> pools) {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO site_plan (site_name, kind, started_by, started_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, site);
                insert.setString(2, kind);
                insert.setString(3, startedBy);
                insert.setTimestamp(4, Timestamp.from(startedAt));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement row = c.prepareStatement("INSERT INTO site_plan_pool (plan_id, pool_name,"
                    + " job_execution_id, refused_code, refused_message) VALUES (?, ?, ?, ?, ?)")) {
                for (PoolRow pool : pools) {
                    row.setLong(1, id);
                    row.setString(2, pool.pool());
                    if (pool.jobExecutionId() == null) {
                        row.setNull(3, Types.BIGINT);
                    } else {
                        row.setLong(3, pool.jobExecutionId());
                    }
                    row.setString(4, pool.refusedCode());
                    row.setString(5, abbreviate(pool.refusedMessage()));
                    row.addBatch();
                }
                row.executeBatch();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the site plan of " + site + ": " + e.getMessage(), e);
        }
    }

    /** The newest plans of a site (of every site when {@code site} is null), newest first. */
    public List<Plan> latest(String site, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT id, site_name, kind, started_by, started_at"
                        + " FROM site_plan WHERE (? IS NULL OR site_name = ?) ORDER BY id DESC"
                        + " OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            query.setString(1, site);
            query.setString(2, site);
            query.setInt(3, limit);
            List<Plan> plans = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    plans.add(new Plan(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getTimestamp(5).toInstant(),
                            pools(c, id)));
                }
            }
            return plans;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the site plans of " + site + ": " + e.getMessage(), e);
        }
    }

    public Optional<Plan> last(String site) {
        return latest(site, 1).stream().findFirst();
    }

    private static List<PoolRow> pools(Connection c, long planId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT pool_name, job_execution_id, refused_code,"
                + " refused_message FROM site_plan_pool WHERE plan_id = ? ORDER BY pool_name")) {
            query.setLong(1, planId);
            List<PoolRow> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(2);
                    Long execution = rs.wasNull() ? null : id;
                    rows.add(new PoolRow(rs.getString(1), execution, rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        }
    }

    private static String abbreviate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 497) + "...";
    }
}
