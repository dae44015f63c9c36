package org.failback.batch.infrastructure.engine;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the product database to the current schema with Flyway; the only place DDL runs. One ordered sequence of
 * versions: {@code db/migration/common} holds the statements both engines share, {@code db/migration/h2} and
 * {@code db/migration/sqlserver} the same versions in each dialect.
 */
public final class SchemaMigration {

    private SchemaMigration() {}

    public static MigrateResult migrate(DataSource dataSource) {
        try {
            return migrate(dataSource, SqlDialect.of(dataSource));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the product database's engine: " + e.getMessage(), e);
        }
    }

    /** Migrates with the given dialect's folder: lets a test run the SQL Server scripts on another engine. */
    public static MigrateResult migrate(DataSource dataSource, SqlDialect dialect) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.migrationFolder())
                .table("schema_history")
                // JBeret creates its job-repository tables in the same schema before we run: not ours to baseline.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
