package org.failback.batch.infrastructure.lis;

import jakarta.enterprise.inject.spi.CDI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.H2DatabaseAdministration;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.Engine;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.SqlInstance;
import org.failback.domain.lis.LisDatabases;
import org.failback.domain.pool.PoolName;
import org.flywaydb.core.Flyway;

/**
 * Where LIS data lives: each Front End pool's LIS database is a managed database on an instance of its pool's site
 * (created there when missing, the site's first instance or a new embedded {@code sql-<site>}), migrated by Flyway
 * from {@code db/lis}; its backups go to {@code <data>/backups/lis/<pool>/}. Every administration command goes
 * through the port of that instance and into the command log; the locations themselves (the data path) are read
 * and written on a plain connection.
 */
public class LisStorage {

    private static final Set<String> MIGRATED = ConcurrentHashMap.newKeySet();
    /** A pool's LIS database never moves to another instance: its instance is looked up once per data directory. */
    private static final Map<String, SqlInstance> INSTANCES = new ConcurrentHashMap<>();

    private final DatabaseAdministrations administrations;

    public LisStorage(DatabaseAdministrations administrations) {
        this.administrations = administrations;
    }

    public static LisStorage current() {
        return new LisStorage(CDI.current().select(ManagedDatabases.class).get().administrations());
    }

    public SharePath backupShare(PoolName pool) {
        return administrations.folder("backups/lis/" + pool.value());
    }

    /** The instance holding the pool's LIS database, recorded as a managed database there when it is not yet. */
    public SqlInstance instanceOf(Connection product, PoolName pool) throws SQLException {
        String key = administrations.dataRoot() + "|" + pool.value();
        SqlInstance known = INSTANCES.get(key);
        if (known != null) {
            return known;
        }
        SqlTopologyStore topology = new SqlTopologyStore(product);
        int poolId;
        String site;
        try (PreparedStatement q = product.prepareStatement(
                "SELECT p.id, s.name FROM fe_pool p JOIN site s ON s.id = p.site_id WHERE p.name = ?")) {
            q.setString(1, pool.value());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no Front End pool named " + pool);
                }
                poolId = rs.getInt(1);
                site = rs.getString(2);
            }
        }
        SqlInstance instance = lisInstance(product, topology, poolId).orElse(null);
        if (instance == null) {
            SqlTopologyStore.InstanceRow row = topology.instanceOfSite(site);
            topology.addDatabase(row.id(), LisDatabases.of(pool), "LIS", poolId, null);
            instance = row.instance();
        }
        INSTANCES.put(key, instance);
        return instance;
    }

    private static java.util.Optional<SqlInstance> lisInstance(
            Connection product, SqlTopologyStore topology, int poolId) throws SQLException {
        try (PreparedStatement q = product.prepareStatement(
                "SELECT instance_id FROM managed_database WHERE fe_pool_id = ? AND purpose = 'LIS'")) {
            q.setInt(1, poolId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                return topology.instance(rs.getInt(1)).map(SqlTopologyStore.InstanceRow::instance);
            }
        }
    }

    /** The port of the instance that holds {@code pool}'s LIS database. */
    public DatabaseAdministration administration(
            Connection product, PoolName pool, Long jobExecutionId, DatabaseOperationLog log) throws SQLException {
        return administrations.forInstance(instanceOf(product, pool), jobExecutionId, log);
    }

    /** A connection to the pool's LIS database, created (through the port) and migrated on first use. */
    public Connection open(Connection product, PoolName pool) throws SQLException {
        SqlInstance instance = instanceOf(product, pool);
        DatabaseName name = LisDatabases.of(pool);
        H2DatabaseAdministration admin = embedded(instance);
        String key = administrations
                .databasesOf(instance.name())
                .resolve(name.value())
                .toString();
        if (!MIGRATED.contains(key) || !admin.databaseExists(name)) {
            adoptLegacy(instance, name, admin);
            administrations
                    .forInstance(instance, null, DatabaseOperationLog.NONE)
                    .createDatabase(name);
            migrate(instance, name, admin.url(name, true));
            MIGRATED.add(key);
        }
        return DriverManager.getConnection(admin.url(name, true), "sa", "");
    }

    /**
     * A data directory from before SQL instances kept each LIS database under {@code <data>/lis/<name>}: the first
     * open moves that folder onto the instance (recorded), so an upgrade keeps the pool's locations.
     */
    private void adoptLegacy(SqlInstance instance, DatabaseName name, H2DatabaseAdministration admin)
            throws SQLException {
        java.nio.file.Path legacy = administrations.dataRoot().resolve("lis").resolve(name.value());
        java.nio.file.Path target = administrations.databasesOf(instance.name()).resolve(name.value());
        if (admin.databaseExists(name) || !java.nio.file.Files.isRegularFile(legacy.resolve(name.value() + ".mv.db"))) {
            return;
        }
        try {
            administrations
                    .recorder(instance.name(), null)
                    .run(
                            name,
                            "MOVE_DATABASE",
                            "MOVE '" + legacy + "' TO '" + target + "' (H2: files of " + name
                                    + " from before SQL instances)",
                            () -> {
                                java.nio.file.Files.createDirectories(target.getParent());
                                return java.nio.file.Files.move(legacy, target);
                            });
        } catch (java.io.IOException e) {
            throw new SQLException("cannot move " + legacy + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** A connection to an existing database on the instance of {@code pool} (a restored staging copy). */
    public Connection openExisting(Connection product, PoolName pool, DatabaseName name) throws SQLException {
        return embedded(instanceOf(product, pool)).open(name);
    }

    /** The locations are read and written over JDBC by the product itself: an embedded instance's H2 file. */
    private H2DatabaseAdministration embedded(SqlInstance instance) {
        if (instance.engine() != Engine.H2) {
            throw new IllegalStateException("LIS locations are kept on embedded instances only; " + instance.name()
                    + " is " + instance.engine());
        }
        return (H2DatabaseAdministration) administrations.forInstance(instance, null, DatabaseOperationLog.NONE);
    }

    /** Flyway's DDL on a managed database is a command like any other: one row for the migration. */
    private void migrate(SqlInstance instance, DatabaseName name, String url) throws SQLException {
        try {
            administrations
                    .recorder(instance.name(), null)
                    .run(
                            name,
                            "DDL",
                            "FLYWAY MIGRATE " + name + " (classpath:db/lis)",
                            () -> Flyway.configure(LisStorage.class.getClassLoader())
                                    .dataSource(url, "sa", "")
                                    .locations("classpath:db/lis")
                                    .table("lis_schema_history")
                                    .load()
                                    .migrate());
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }
}
