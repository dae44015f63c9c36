package org.failback.batch.infrastructure.engine;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The engine the product database runs on, read from the driver's product name: it picks the migration folder and the
 * few runtime statements the two dialects cannot share.
 */
public enum SqlDialect {
    H2("h2"),
    SQL_SERVER("sqlserver");

    private final String migrationFolder;

    SqlDialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** The vendor folder under {@code db/migration} whose migrations run beside {@code common}. */
    public String migrationFolder() {
        return migrationFolder;
    }

    /**
     * A SELECT that holds the rows it reads until the transaction ends: {@code FOR UPDATE} on H2, an update lock hint on
     * SQL Server (whose SELECT has no FOR UPDATE). Arguments are the caller's constants, never input.
     */
    public String lockingSelect(String columns, String table, String condition) {
        return this == SQL_SERVER
                ? "SELECT " + columns + " FROM " + table + " WITH (UPDLOCK, ROWLOCK) WHERE " + condition
                : "SELECT " + columns + " FROM " + table + " WHERE " + condition + " FOR UPDATE";
    }

    /**
     * The database's clock as an instant with its offset, for leases and schedules. H2's CURRENT_TIMESTAMP is a
     * TIMESTAMP WITH TIME ZONE; SQL Server's is the server's local {@code datetime} without an offset, which a
     * DATETIMEOFFSET column would store as UTC (shown hours off unless the server runs in UTC).
     */
    public String now() {
        return this == SQL_SERVER ? "SYSDATETIMEOFFSET()" : "CURRENT_TIMESTAMP";
    }

    /** {@link #now()} plus whole seconds, a constant of the caller (never input). */
    public String secondsFromNow(long seconds) {
        return "DATEADD(SECOND, " + seconds + ", " + now() + ")";
    }

    public static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equals(product)) {
            return H2;
        }
        if (product != null && product.startsWith("Microsoft SQL Server")) {
            return SQL_SERVER;
        }
        throw new IllegalStateException(
                "the product database runs on H2 or SQL Server, not on " + product + " (FAILBACK_DB_URL)");
    }

    public static SqlDialect of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        }
    }
}
