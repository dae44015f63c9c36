package org.failback.batch.infrastructure.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The product database's clock, the one every node shares. Schedules are judged by it, as leases are: a node whose own
 * clock runs ahead would otherwise claim a round early (and a late one leave it to the others), so a period's round
 * would start at a time that depends on which node ticked first.
 */
public final class DatabaseClock {

    private DatabaseClock() {}

    public static Instant now(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rs =
                        query.executeQuery("SELECT " + SqlDialect.of(connection).now())) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }
}
