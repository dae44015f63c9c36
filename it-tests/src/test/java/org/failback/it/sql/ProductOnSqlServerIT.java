package org.failback.it.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The whole product on SQL Server: its database created as the README's "Pointing it at SQL Server" says (a
 * case-insensitive collation, READ_COMMITTED_SNAPSHOT) with a login that holds only the rights the README lists, and
 * the server started through run.sh with FAILBACK_DB_URL/USER/PASSWORD. Skips without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ProductOnSqlServerIT extends ProductDatabaseContract {

    /** The image the batch module's SQL Server tests pin. */
    @Container
    static final MSSQLServerContainer SQL_SERVER =
            new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-CU15-ubuntu-22.04").acceptLicense();

    private static final String DATABASE = "failback";
    private static final String LOGIN = "failback";
    private static final String PASSWORD = "Fb-" + UUID.randomUUID() + "-9a";
    private static boolean created;

    @Override
    Map<String, String> database() {
        createDatabaseAndLogin();
        return Map.of("FAILBACK_DB_URL", url(), "FAILBACK_DB_USER", LOGIN, "FAILBACK_DB_PASSWORD", PASSWORD);
    }

    @Override
    Connection productDatabase() throws SQLException {
        return DriverManager.getConnection(url(), LOGIN, PASSWORD);
    }

    @Override
    String name() {
        return "sqlserver";
    }

    private static String url() {
        return SQL_SERVER.getJdbcUrl() + ";databaseName=" + DATABASE;
    }

    /** The DBA's part, as the README has it; the names are this class's constants, never input. */
    private static synchronized void createDatabaseAndLogin() {
        if (created) {
            return;
        }
        try (Connection sa = DriverManager.getConnection(
                        SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
                Statement dba = sa.createStatement()) {
            dba.execute("CREATE DATABASE " + DATABASE + " COLLATE SQL_Latin1_General_CP1_CI_AS");
            dba.execute("ALTER DATABASE " + DATABASE + " SET READ_COMMITTED_SNAPSHOT ON");
            dba.execute("CREATE LOGIN " + LOGIN + " WITH PASSWORD = '" + PASSWORD + "', CHECK_POLICY = OFF");
            dba.execute("USE " + DATABASE);
            dba.execute("CREATE USER " + LOGIN + " FOR LOGIN " + LOGIN);
            dba.execute("ALTER ROLE db_datareader ADD MEMBER " + LOGIN);
            dba.execute("ALTER ROLE db_datawriter ADD MEMBER " + LOGIN);
            dba.execute("ALTER ROLE db_ddladmin ADD MEMBER " + LOGIN);
            dba.execute("GRANT UPDATE ON SCHEMA::dbo TO " + LOGIN);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the product database on SQL Server: " + e.getMessage(), e);
        }
        created = true;
    }
}
