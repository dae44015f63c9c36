package org.failback.batch.infrastructure.engine;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** The product database as the server has it after start-up: an H2 file with every Flyway migration applied. */
public final class MigratedProductDatabase {

    private MigratedProductDatabase() {}

    public static JdbcDataSource at(Path file) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
        SchemaMigration.migrate(dataSource);
        return dataSource;
    }
}
