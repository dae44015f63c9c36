package org.failback.batch.infrastructure.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.engine.SchemaMigration;
import org.failback.batch.infrastructure.engine.SqlDialect;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The product database on SQL Server 2022: the sqlserver migrations applied by SchemaMigration (the engine read from
 * the driver), then the runtime SQL of {@link ProductSqlContract}, each test on a database of its own. Skipped where no
 * Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class ProductSqlOnSqlServerTest extends ProductSqlContract {

    /** The image SqlServerDatabaseAdministrationTest pins. */
    @Container
    static final MSSQLServerContainer SERVER =
            new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-CU15-ubuntu-22.04").acceptLicense();

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private DataSource product;

    @Override
    DataSource migrated() {
        if (product == null) {
            product = freshDatabase();
            try {
                assertEquals(SqlDialect.SQL_SERVER, SqlDialect.of(product));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            SchemaMigration.migrate(product);
        }
        return product;
    }

    @Test
    void theSqlServerMigrationsApplyOnAnEmptyDatabaseAndAgainAsNothing() {
        DataSource database = freshDatabase();
        SchemaMigration.migrate(database);
        assertEquals(0, SchemaMigration.migrate(database).migrationsExecuted);
    }

    private static DataSource freshDatabase() {
        String name = "product_" + DATABASES.incrementAndGet();
        SQLServerDataSource master = dataSource("master");
        try (Connection c = master.getConnection()) {
            // The name is built here from a counter, never from input.
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dataSource(name);
    }

    private static SQLServerDataSource dataSource(String database) {
        SQLServerDataSource dataSource = new SQLServerDataSource();
        dataSource.setURL(SERVER.getJdbcUrl() + ";databaseName=" + database);
        dataSource.setUser(SERVER.getUsername());
        dataSource.setPassword(SERVER.getPassword());
        return dataSource;
    }
}
