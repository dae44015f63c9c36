package org.failback.batch.application.registrar;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolNotFoundException;

/**
 * How many per-user transitions the jobs recorded for a pool, by kind, and how many users went through the same
 * transition more than once (0 proves exactly-once).
 */
@ApplicationScoped
public class TransitionAudit {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** The audit of one pool. */
    public record Audit(String pool, Map<String, Long> transitions, long usersWithRepeatedTransition) {}

    public Audit of(PoolName name) {
        try (Connection c = dataSource.getConnection()) {
            int poolId = poolId(c, name);
            Map<String, Long> transitions = new LinkedHashMap<>();
            try (PreparedStatement kinds =
                    c.prepareStatement("SELECT t.from_status, t.to_status, COUNT(*) FROM user_transition t"
                            + " WHERE t.pool_id = ? GROUP BY t.from_status, t.to_status ORDER BY 1, 2")) {
                kinds.setInt(1, poolId);
                try (ResultSet rs = kinds.executeQuery()) {
                    while (rs.next()) {
                        transitions.put(rs.getString(1) + "->" + rs.getString(2), rs.getLong(3));
                    }
                }
            }
            // A user may legitimately fail over and back twice (two outages); within one cycle no kind repeats.
            try (PreparedStatement repeated = c.prepareStatement(
                    "SELECT COUNT(*) FROM (SELECT t.user_id FROM user_transition t WHERE t.pool_id = ?"
                            + " GROUP BY t.user_id, t.from_status, t.to_status HAVING COUNT(*) > 1)")) {
                repeated.setInt(1, poolId);
                try (ResultSet rs = repeated.executeQuery()) {
                    rs.next();
                    return new Audit(name.value(), transitions, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the transition audit of " + name + ": " + e.getMessage(), e);
        }
    }

    private static int poolId(Connection c, PoolName name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT id FROM fe_pool WHERE name = ?")) {
            query.setString(1, name.value());
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new PoolNotFoundException(name.value());
                }
                return rs.getInt(1);
            }
        }
    }
}
