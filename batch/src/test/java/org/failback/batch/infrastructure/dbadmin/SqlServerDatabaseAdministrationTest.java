package org.failback.batch.infrastructure.dbadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingSchedule;
import org.failback.domain.dbadmin.LogShippingStatus;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.UnsupportedCapabilityException;
import org.failback.domain.dbadmin.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The product's SQL Server adapter and command log against two SQL Server 2022 (Developer edition, Agent on) on
 * Linux containers that share one bind-mounted folder as the log-shipping share, mounted at the same path in both
 * and on this host (so this host can hash what the servers write). Skipped where no Docker engine exists. SQL
 * Server on Linux has no mirroring: the adapter says so.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerDatabaseAdministrationTest {

    /** Pinned: 2019 images fail sp_add_log_shipping_secondary_primary with 32018 ("Log shipping is not installed"). */
    static final String IMAGE = "mcr.microsoft.com/mssql/server:2022-CU15-ubuntu-22.04";

    static final Path SHARED = sharedFolder();
    static final Network NETWORK = Network.newNetwork();

    @Container
    static final MSSQLServerContainer PRIMARY = server("sql-primary");

    @Container
    static final MSSQLServerContainer SECONDARY = server("sql-secondary");

    private static JdbcCommandLog commandLog;
    private static SQLServerDataSource primaryMaster;
    private static SQLServerDataSource secondaryMaster;

    private final List<String> issued = new ArrayList<>();
    private SqlServerDatabaseAdministration admin;
    private SqlServerDatabaseAdministration secondary;
    private SharePath share;

    private static MSSQLServerContainer server(String alias) {
        return new MSSQLServerContainer(IMAGE)
                .acceptLicense()
                .withEnv("MSSQL_PID", "Developer")
                .withEnv("MSSQL_AGENT_ENABLED", "true")
                .withNetwork(NETWORK)
                .withNetworkAliases(alias)
                .withFileSystemBind(SHARED.toString(), SHARED.toString(), BindMode.READ_WRITE);
    }

    /** Writable by the container's user (uid 10001), or BACKUP fails with operating system error 5. */
    private static Path sharedFolder() {
        try {
            Path dir = Files.createTempDirectory("failback-share-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            return dir;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void connect() throws Exception {
        commandLog = new JdbcCommandLog(MigratedProductDatabase.at(
                Files.createTempDirectory("sqlserver-test-").resolve("product")));
        primaryMaster = master(PRIMARY);
        secondaryMaster = master(SECONDARY);
    }

    private static SQLServerDataSource master(MSSQLServerContainer container) {
        SQLServerDataSource master = new SQLServerDataSource();
        master.setURL(container.getJdbcUrl());
        master.setUser(container.getUsername());
        master.setPassword(container.getPassword());
        master.setDatabaseName("master");
        return master;
    }

    @BeforeEach
    void adapter() throws Exception {
        admin = new SqlServerDatabaseAdministration(
                primaryMaster, new CommandRecorder(commandLog, InstanceName.of("sql-primary"), 1L), issued::add);
        secondary = new SqlServerDatabaseAdministration(
                secondaryMaster, new CommandRecorder(commandLog, InstanceName.of("sql-secondary"), 1L), issued::add);
        Path folder = Files.createTempDirectory(SHARED, "case-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        share = SharePath.root(folder);
    }

    @Test
    void fullBackupWithChecksumVerifiesAndRestoresUnderAnotherNameWithLogsInTheDefaultLogPath() throws Exception {
        DatabaseName lis = DatabaseName.of("lis_fe_dc1");
        createWithRows(admin, primaryMaster, lis, 250);
        BackupFile file = share.file("lis_fe_dc1_full.bak");

        BackupResult backup = admin.backupDatabase(lis, file);
        assertTrue(backup.bytes() > 0);
        assertNotNull(backup.sha256(), "the share is mounted here too");
        VerificationResult verified = admin.verifyBackup(file, backup.sha256(), Map.of());
        assertTrue(verified.ok(), verified.checks().toString());

        DatabaseName copy = DatabaseName.of("lis_fe_dc2_restored");
        admin.restoreDatabase(copy, file, RestoreOptions.replaceWithRecovery());
        assertEquals("ONLINE", admin.state(copy).orElseThrow());
        assertEquals(250, count(primaryMaster, copy));
        String logPath =
                scalar(primaryMaster, "SELECT CAST(SERVERPROPERTY('InstanceDefaultLogPath') AS NVARCHAR(4000))");
        String logFile = scalar(
                primaryMaster,
                "SELECT physical_name FROM sys.master_files WHERE database_id = DB_ID('lis_fe_dc2_restored') AND type = 1");
        assertTrue(logFile.startsWith(logPath), logFile + " in " + logPath);

        long restoresBefore = commands("RESTORE_DATABASE");
        admin.restoreDatabase(copy, file, RestoreOptions.replaceWithRecovery());
        assertEquals(restoresBefore, commands("RESTORE_DATABASE"), "already restored from this file: skipped");
    }

    @Test
    void aSameNameRestoreFromAnotherServersBackupMovesOntoItsOwnFiles() throws Exception {
        DatabaseName mgc = DatabaseName.of("mgc_same_name");
        createWithRows(admin, primaryMaster, mgc, 20);
        createWithRows(secondary, secondaryMaster, mgc, 5);
        BackupFile file = share.file("mgc_same_name.bak");
        admin.backupDatabase(mgc, file);
        String before = scalar(
                secondaryMaster,
                "SELECT physical_name FROM sys.master_files WHERE database_id = DB_ID('mgc_same_name') AND type = 0");

        secondary.restoreDatabase(mgc, file, RestoreOptions.replaceWithRecovery());
        assertEquals(20, count(secondaryMaster, mgc));
        assertEquals(
                before,
                scalar(
                        secondaryMaster,
                        "SELECT physical_name FROM sys.master_files WHERE database_id = DB_ID('mgc_same_name') AND type = 0"));
        assertTrue(issued.stream()
                .anyMatch(l -> l.startsWith("RESTORE DATABASE [mgc_same_name] FROM DISK = ? WITH MOVE ? TO ?")));
    }

    @Test
    void aFailedRestoreLeavesTheDatabaseMultiUserAndRecordsTheError() throws Exception {
        DatabaseName db = DatabaseName.of("keep_multi_user");
        createWithRows(admin, primaryMaster, db, 10);
        admin.setFullRecovery(db);
        admin.backupDatabase(db, share.file("keep_full.bak"));
        BackupFile logBackup = share.file("keep_log.trn");
        admin.backupLog(db, logBackup);
        // Another session holds the database: SINGLE_USER WITH ROLLBACK IMMEDIATE ends it, on the restore's own
        // connection, which then fails (a log backup is no database backup) and puts MULTI_USER back.
        try (Connection other = primaryMaster.getConnection();
                Statement st = other.createStatement()) {
            st.execute("USE " + db.bracketed());
            assertThrows(
                    DatabaseAdministrationException.class,
                    () -> admin.restoreDatabase(db, logBackup, RestoreOptions.replaceWithRecovery()));
        }
        assertEquals(
                "MULTI_USER",
                scalar(primaryMaster, "SELECT user_access_desc FROM sys.databases WHERE name = 'keep_multi_user'"));
        assertEquals("ONLINE", admin.state(db).orElseThrow());
        assertEquals(10, count(primaryMaster, db));
        assertTrue(
                lastCommand("RESTORE_DATABASE").contains("ERROR"),
                "the failed RESTORE is completed with its error number and message");
    }

    @Test
    void logChainWithNoRecoveryThenRestoreLogIsIdempotentAlsoAfterRecovery() throws Exception {
        DatabaseName mgc = DatabaseName.of("mgc");
        createWithRows(admin, primaryMaster, mgc, 10);
        admin.setFullRecovery(mgc);
        BackupFile full = share.file("mgc_full.bak");
        admin.backupDatabase(mgc, full);
        secondary.restoreDatabase(mgc, full, RestoreOptions.replaceWithNoRecovery());
        assertEquals("RESTORING", secondary.state(mgc).orElseThrow());

        execute(primaryMaster, mgc, "INSERT INTO message (text) SELECT TOP 5 text FROM message");
        BackupFile log = share.file("mgc_1.trn");
        admin.backupLog(mgc, log);
        secondary.restoreLog(mgc, log, false);
        assertEquals("RESTORING", secondary.state(mgc).orElseThrow());
        secondary.restoreLog(mgc, log, true);
        assertEquals("ONLINE", secondary.state(mgc).orElseThrow());
        secondary.restoreLog(mgc, log, true);
        assertEquals(15, count(secondaryMaster, mgc));
        assertTrue(issued.stream().anyMatch(l -> l.contains("skipped: '" + log + "' is already restored (ONLINE)")));
    }

    @Test
    void aTailLogBackupLeavesThePrimaryRestoring() throws Exception {
        DatabaseName db = DatabaseName.of("tail_probe");
        createWithRows(admin, primaryMaster, db, 3);
        admin.setFullRecovery(db);
        admin.backupDatabase(db, share.file("tail_full.bak"));
        admin.backupTailLog(db, share.file("tail.trn"), false);
        assertEquals("RESTORING", admin.state(db).orElseThrow());
        assertTrue(issued.stream()
                .anyMatch(l -> l.startsWith("BACKUP LOG [tail_probe] TO DISK = ? WITH CHECKSUM, INIT, NORECOVERY")));
    }

    @Test
    void aTruncatedBackupFailsVerifyOnlyAndTheRestoreChangesNothing() throws Exception {
        DatabaseName mgccomp = DatabaseName.of("mgccomp");
        createWithRows(admin, primaryMaster, mgccomp, 40);
        BackupFile file = share.file("mgccomp_full.bak");
        admin.backupDatabase(mgccomp, file);
        try (var f = new java.io.RandomAccessFile(file.path().toFile(), "rw")) {
            f.setLength(8192);
        }
        assertFalse(admin.verifyBackup(file, null, Map.of()).ok());
        execute(primaryMaster, mgccomp, "DELETE FROM message WHERE id > 30");
        assertThrows(
                CorruptBackupException.class,
                () -> admin.restoreDatabase(mgccomp, file, RestoreOptions.replaceWithRecovery()));
        assertEquals("ONLINE", admin.state(mgccomp).orElseThrow());
        assertEquals(30, count(primaryMaster, mgccomp));
    }

    @Test
    void mirroringIsAbsentOnLinuxAndSaidSoWhileLogShippingIsThere() throws Exception {
        DatabaseName db = DatabaseName.of("mirror_probe");
        admin.createDatabase(db);
        assertTrue(admin.majorVersion() >= SqlServerDatabaseAdministration.FIRST_MAJOR_WITH_HOST_INFO);
        assertEquals("Linux", admin.hostPlatform());
        assertFalse(admin.can(Capability.MIRRORING));
        assertTrue(admin.can(Capability.LOG_BACKUP));
        assertTrue(admin.can(Capability.LOG_SHIPPING), "Agent is running");
        assertFalse(admin.isMirrored(db));
        assertThrows(UnsupportedCapabilityException.class, () -> admin.removeMirroring(db));
    }

    @Test
    void logShippingConfiguredThroughMsdbIsMonitoredReconfiguredIdempotentlyAndRemoved() throws Exception {
        DatabaseName db = DatabaseName.of("mgc_agent");
        createWithRows(admin, primaryMaster, db, 10);
        SharePath copy = share.resolve("copy");
        SqlServerLogShipping shipping = new SqlServerLogShipping(admin, secondary);
        shipping.configure(db, share, share, copy, LogShippingSchedule.DEFAULT);
        assertEquals("RESTORING", secondary.state(db).orElseThrow());
        long jobs = Long.parseLong(scalar(primaryMaster, "SELECT CAST(COUNT(*) AS NVARCHAR(8)) FROM msdb.dbo.sysjobs"));

        shipping.configure(db, share, share, copy, new LogShippingSchedule(15, 30, 20));
        assertEquals(
                jobs,
                Long.parseLong(scalar(primaryMaster, "SELECT CAST(COUNT(*) AS NVARCHAR(8)) FROM msdb.dbo.sysjobs")),
                "re-configuring adds no second backup job");
        LogShippingStatus status =
                shipping.monitor(InstanceName.of("sql-primary"), InstanceName.of("sql-secondary"), db);
        assertEquals(30, status.backupThresholdMinutes());
        assertEquals(20, status.restoreThresholdMinutes());
        assertTrue(commands("LOG_SHIPPING") >= 4);

        shipping.remove(db);
        shipping.remove(db);
        assertEquals(
                "0",
                scalar(
                        primaryMaster,
                        "SELECT CAST(COUNT(*) AS NVARCHAR(8)) FROM msdb.dbo.log_shipping_primary_databases WHERE primary_database = 'mgc_agent'"));
        assertEquals(
                "0",
                scalar(
                        secondaryMaster,
                        "SELECT CAST(COUNT(*) AS NVARCHAR(8)) FROM msdb.dbo.log_shipping_secondary_databases WHERE secondary_database = 'mgc_agent'"));
    }

    @Test
    void theProductConfiguresAgentLogShippingThroughMsdbAndARoundRunsAgentsJobs() throws Exception {
        Path data = Files.createTempDirectory("failback-data-");
        Files.writeString(
                data.resolve("credentials.properties"),
                "sql.primary.username=" + PRIMARY.getUsername() + "\nsql.primary.password=" + PRIMARY.getPassword()
                        + "\nsql.secondary.username=" + SECONDARY.getUsername() + "\nsql.secondary.password="
                        + SECONDARY.getPassword() + "\n");
        var product = MigratedProductDatabase.at(data.resolve("product"));
        DatabaseName db = DatabaseName.of("mgc_product");
        createWithRows(admin, primaryMaster, db, 12);
        List<String> lines = new ArrayList<>();
        try (Connection c = product.getConnection()) {
            var writer = new org.failback.batch.infrastructure.pool.TopologyWriter(c);
            writer.createSite(org.failback.domain.pool.PoolName.of("dc1"));
            writer.createSite(org.failback.domain.pool.PoolName.of("dc2"));
            var topology = new org.failback.batch.infrastructure.dbadmin.SqlTopologyStore(c);
            int p = topology.createInstance(
                    new org.failback.domain.dbadmin.SqlInstance(
                            InstanceName.of("sql-primary"),
                            "dc1",
                            org.failback.domain.dbadmin.Engine.SQL_SERVER,
                            PRIMARY.getJdbcUrl(),
                            "primary"),
                    share.resolve("copy-primary").toString());
            int s = topology.createInstance(
                    new org.failback.domain.dbadmin.SqlInstance(
                            InstanceName.of("sql-secondary"),
                            "dc2",
                            org.failback.domain.dbadmin.Engine.SQL_SERVER,
                            SECONDARY.getJdbcUrl(),
                            "secondary"),
                    share.resolve("copy-secondary").toString());
            int pool = topology.createChatPool("pchat", p, s);
            var administrations = new org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations(
                    data,
                    commandLog,
                    new org.failback.batch.infrastructure.dbadmin.InstanceCredentials(
                            data.resolve("credentials.properties")));
            var service = new org.failback.batch.application.logshipping.LogShippingService(c, administrations);
            service.configure(
                    InstanceName.of("sql-primary"),
                    InstanceName.of("sql-secondary"),
                    db,
                    "CHAT",
                    pool,
                    share.toString(),
                    LogShippingSchedule.DEFAULT,
                    2L,
                    lines::add);
            assertTrue(lines.stream().anyMatch(l -> l.contains("run by SQL Server Agent (msdb)")), lines.toString());
            assertEquals("RESTORING", secondary.state(db).orElseThrow());

            execute(primaryMaster, db, "INSERT INTO message (text) VALUES ('after the seed')");
            service.checkShareAccess("pchat", 2L, lines::add);
            service.backup("pchat", 1L, 2L, lines::add);
            var config = service.configs("pchat").get(0);
            LogShippingStatus status = service.status(config);
            assertNotNull(status.lastBackup(), status.toString());
            assertNotNull(status.lastRestore(), status.toString());
            assertTrue(lines.stream().allMatch(l -> l.contains("LOG_BACKUPS") || !l.startsWith("[")), lines.toString());
        }
        assertTrue(commands("LOG_SHIPPING") >= 7, "msdb procedures and sp_start_job are commands");
    }

    @Test
    void hostileNamesNeverReachTheServerAndExistingDatabasesNeedReplace() throws Exception {
        long before = commandLog
                .find(new JdbcCommandLog.Filter(null, null, null, 10_000))
                .size();
        assertThrows(IllegalArgumentException.class, () -> DatabaseName.of("mgc]; DROP DATABASE x; --"));
        assertThrows(IllegalArgumentException.class, () -> share.file("x.bak'; SHUTDOWN; --"));
        assertEquals(
                before,
                commandLog
                        .find(new JdbcCommandLog.Filter(null, null, null, 10_000))
                        .size());
        assertTrue(issued.isEmpty());
        DatabaseName db = DatabaseName.of("keep_me");
        createWithRows(admin, primaryMaster, db, 3);
        BackupFile file = share.file("keep_me.bak");
        admin.backupDatabase(db, file);
        assertThrows(
                DatabaseAdministrationException.class,
                () -> admin.restoreDatabase(db, file, new RestoreOptions(false, true)));
        assertEquals(3, count(primaryMaster, db));
    }

    private static void createWithRows(
            SqlServerDatabaseAdministration on, SQLServerDataSource master, DatabaseName name, int rows)
            throws SQLException {
        on.createDatabase(name);
        execute(master, name, "CREATE TABLE message (id INT IDENTITY PRIMARY KEY, text NVARCHAR(100) NOT NULL)");
        execute(
                master,
                name,
                "INSERT INTO message (text) SELECT TOP " + rows
                        + " CONCAT('message ', ROW_NUMBER() OVER (ORDER BY (SELECT NULL)))"
                        + " FROM sys.all_objects a CROSS JOIN sys.all_objects b");
    }

    private static void execute(SQLServerDataSource master, DatabaseName db, String sql) throws SQLException {
        try (Connection c = master.getConnection();
                Statement st = c.createStatement()) {
            st.execute("USE " + db.bracketed());
            st.execute(sql);
        }
    }

    private static long count(SQLServerDataSource master, DatabaseName db) throws SQLException {
        try (Connection c = master.getConnection();
                Statement st = c.createStatement()) {
            st.execute("USE " + db.bracketed());
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String scalar(SQLServerDataSource master, String sql) throws SQLException {
        try (Connection c = master.getConnection();
                PreparedStatement q = c.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long commands(String type) {
        return commandLog.find(new JdbcCommandLog.Filter(1L, null, null, 10_000)).stream()
                .filter(e -> e.commandType().equals(type))
                .count();
    }

    private static String lastCommand(String type) {
        return commandLog.find(new JdbcCommandLog.Filter(1L, null, null, 10_000)).stream()
                .filter(e -> e.commandType().equals(type))
                .findFirst()
                .map(e -> e.command()
                        + (e.errorMessage() == null ? "" : " ERROR " + e.errorNumber() + " " + e.errorMessage())
                        + (e.endTime() == null ? " OPEN" : ""))
                .orElse("none");
    }
}
