package org.failback.batch.infrastructure.lis;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.failback.batch.infrastructure.dbadmin.H2DatabaseAdministration;
import org.failback.batch.infrastructure.engine.DataDirectory;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.lis.LisDatabases;
import org.failback.domain.pool.PoolName;
import org.flywaydb.core.Flyway;

/**
 * Where LIS data lives: each Front End pool's LIS database is its own H2 file database under
 * {@code <data>/lis/lis_<pool>/}, migrated by Flyway from {@code db/lis}; its backups go to
 * {@code <data>/backups/lis/<pool>/}.
 */
public class LisStorage {

    private static final Set<Path> MIGRATED = ConcurrentHashMap.newKeySet();

    private final Path data;

    public LisStorage(Path dataRoot) {
        this.data = dataRoot.toAbsolutePath().normalize();
    }

    public static LisStorage current() {
        return new LisStorage(DataDirectory.root());
    }

    public Path databasesRoot() {
        return data.resolve("lis");
    }

    public SharePath backupShare(PoolName pool) {
        return SharePath.under(data, "backups/lis/" + pool.value());
    }

    public H2DatabaseAdministration administration(DatabaseOperationLog log) {
        return new H2DatabaseAdministration(databasesRoot(), log);
    }

    /** A connection to the pool's LIS database, created and migrated on first use. */
    public Connection open(PoolName pool) throws SQLException {
        DatabaseName name = LisDatabases.of(pool);
        H2DatabaseAdministration admin = administration(DatabaseOperationLog.NONE);
        Path key = databasesRoot().resolve(name.value());
        if (!MIGRATED.contains(key) || !admin.databaseExists(name)) {
            admin.createDatabase(name);
            migrate(admin.url(name, true));
            MIGRATED.add(key);
        }
        return DriverManager.getConnection(admin.url(name, true), "sa", "");
    }

    /** A connection to an existing database under the LIS root (a restored staging copy), never creating one. */
    public Connection openExisting(DatabaseName name) throws SQLException {
        return administration(DatabaseOperationLog.NONE).open(name);
    }

    private static void migrate(String url) {
        Flyway.configure(LisStorage.class.getClassLoader())
                .dataSource(url, "sa", "")
                .locations("classpath:db/lis")
                .table("lis_schema_history")
                .load()
                .migrate();
    }
}
