package org.failback.batch.infrastructure.engine;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the product database to the current schema with Flyway; the only place DDL runs. */
public final class SchemaMigration {

    private SchemaMigration() {}

    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("schema_history")
                // JBeret creates its job-repository tables in the same schema before we run: not ours to baseline.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Slices land migrations from separate version ranges; a data directory made before one lands still
                // migrates.
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
