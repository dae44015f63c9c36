package org.failback.batch.infrastructure.registrar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import org.failback.domain.registrar.FailbackStatus;

/** How many users homed on a pool are in some failback statuses: what a job, a step or a plan has to do. */
public final class PoolUsers {

    private PoolUsers() {}

    public static long inStatuses(Connection c, int poolId, FailbackStatus... statuses) throws SQLException {
        return count(c, "", poolId, statuses);
    }

    /** Of those, the ones signed in (a plan says how many sessions a job will move). */
    public static long signedInInStatuses(Connection c, int poolId, FailbackStatus... statuses) throws SQLException {
        return count(c, " AND signed_in", poolId, statuses);
    }

    private static long count(Connection c, String condition, int poolId, FailbackStatus... statuses)
            throws SQLException {
        String sql = "SELECT COUNT(*) FROM registrar_user WHERE home_pool_id = ?" + condition
                + " AND failback_status IN (" + String.join(", ", Collections.nCopies(statuses.length, "?")) + ")";
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setInt(1, poolId);
            for (int i = 0; i < statuses.length; i++) {
                query.setString(i + 2, statuses[i].name());
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
