package org.failback.it.sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The product database named through FAILBACK_DB_URL/USER/PASSWORD, here an H2 file outside the data directory with a
 * login of its own: the path an operator takes to SQL Server, run on the engine this machine has. H2 creates the
 * database with that user and password, so the server only starts when run.sh handed the password on.
 */
class ProductOnEmbeddedH2FileIT extends ProductDatabaseContract {

    private static final String USER = "failback";
    private final String password = UUID.randomUUID().toString();
    private final String url = "jdbc:h2:"
            + Path.of(System.getProperty("launched.data", "target/data/launched"), "h2-product-" + UUID.randomUUID())
                    .toAbsolutePath()
                    .resolve("failback")
            + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=20000;WRITE_DELAY=0";

    @Override
    Map<String, String> database() {
        return Map.of("FAILBACK_DB_URL", url, "FAILBACK_DB_USER", USER, "FAILBACK_DB_PASSWORD", password);
    }

    @Override
    Connection productDatabase() throws SQLException {
        return DriverManager.getConnection(url, USER, password);
    }

    @Override
    String name() {
        return "h2-file";
    }
}
