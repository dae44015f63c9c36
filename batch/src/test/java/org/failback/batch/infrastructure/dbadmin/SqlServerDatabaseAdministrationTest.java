package org.failback.batch.infrastructure.dbadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.UnsupportedCapabilityException;
import org.failback.domain.dbadmin.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * Real T-SQL against SQL Server 2022 on Linux in a container: backup WITH CHECKSUM, RESTORE VERIFYONLY, restore WITH
 * REPLACE, RECOVERY under another name, log shipping (BACKUP LOG / RESTORE LOG WITH NORECOVERY), and a truncated
 * backup refused. Skipped where no Docker engine exists. SQL Server on Linux has no mirroring: the adapter says so.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerDatabaseAdministrationTest {

    @Container
    static final MSSQLServerContainer SQL = new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest")
            .acceptLicense()
            .withEnv("MSSQL_AGENT_ENABLED", "true");

    /** The server's own disk: backups are written there; this host cannot read them, so no SHA-256 here. */
    private static final SharePath SHARE = SharePath.root(Path.of("/var/opt/mssql/data"));

    private static SQLServerDataSource master;
    private final List<String> issued = new ArrayList<>();
    private SqlServerDatabaseAdministration admin;

    @BeforeAll
    static void connect() {
        master = new SQLServerDataSource();
        master.setURL(SQL.getJdbcUrl());
        master.setUser(SQL.getUsername());
        master.setPassword(SQL.getPassword());
        master.setDatabaseName("master");
    }

    @BeforeEach
    void adapter() {
        admin = new SqlServerDatabaseAdministration(master, issued::add);
    }

    @Test
    void fullBackupWithChecksumVerifiesAndRestoresUnderAnotherNameWithReplaceRecovery() throws Exception {
        DatabaseName lis = DatabaseName.of("lis_fe_dc1");
        createWithRows(lis, 250);
        BackupFile file = SHARE.file("lis_fe_dc1_full.bak");

        BackupResult backup = admin.backupDatabase(lis, file);
        assertTrue(backup.bytes() > 0);
        assertNull(backup.sha256(), "the file is on the server, not readable here");
        assertTrue(
                issued.contains(
                        "BACKUP DATABASE [lis_fe_dc1] TO DISK = ? WITH CHECKSUM, INIT  -- parameters: '" + file + "'"),
                issued.toString());

        VerificationResult verified = admin.verifyBackup(file, null, Map.of());
        assertTrue(verified.ok(), verified.checks().toString());
        assertTrue(issued.stream().anyMatch(l -> l.startsWith("RESTORE VERIFYONLY FROM DISK = ? WITH CHECKSUM")));

        DatabaseName copy = DatabaseName.of("lis_fe_dc2_restored");
        admin.restoreDatabase(copy, file, RestoreOptions.replaceWithRecovery());
        assertEquals("ONLINE", admin.state(copy).orElseThrow());
        assertEquals(250, count(copy));
        assertTrue(
                issued.stream()
                        .anyMatch(l ->
                                l.startsWith("RESTORE DATABASE [lis_fe_dc2_restored] FROM DISK = ? WITH MOVE ? TO ?")
                                        && l.contains("REPLACE, RECOVERY")),
                issued.toString());

        issued.clear();
        admin.restoreDatabase(copy, file, RestoreOptions.replaceWithRecovery());
        assertTrue(issued.stream().anyMatch(l -> l.contains("skipped: already restored")), "idempotent: " + issued);
    }

    @Test
    void logShippingBackupLogAndRestoreLogWithNoRecovery() throws Exception {
        DatabaseName mgc = DatabaseName.of("mgc");
        createWithRows(mgc, 10);
        admin.setFullRecovery(mgc);
        BackupFile full = SHARE.file("mgc_full.bak");
        admin.backupDatabase(mgc, full);

        DatabaseName secondary = DatabaseName.of("mgc_secondary");
        admin.restoreDatabase(secondary, full, RestoreOptions.replaceWithNoRecovery());
        assertEquals("RESTORING", admin.state(secondary).orElseThrow());

        execute(mgc, "INSERT INTO message (text) SELECT TOP 5 text FROM message");
        BackupFile log = SHARE.file("mgc_1.trn");
        admin.backupLog(mgc, log);
        admin.restoreLog(secondary, log, false);
        assertEquals("RESTORING", admin.state(secondary).orElseThrow());
        admin.restoreLog(secondary, log, true);
        assertEquals("ONLINE", admin.state(secondary).orElseThrow());
        assertEquals(15, count(secondary));
        assertTrue(
                issued.stream().anyMatch(l -> l.startsWith("BACKUP LOG [mgc] TO DISK = ? WITH CHECKSUM, INIT")),
                issued.toString());
        assertTrue(
                issued.stream()
                        .anyMatch(l ->
                                l.startsWith("RESTORE LOG [mgc_secondary] FROM DISK = ? WITH CHECKSUM, NORECOVERY")),
                issued.toString());
    }

    @Test
    void truncatedBackupFailsVerifyOnlyAndRestoreChangesNothing() throws Exception {
        DatabaseName mgccomp = DatabaseName.of("mgccomp");
        createWithRows(mgccomp, 40);
        BackupFile file = SHARE.file("mgccomp_full.bak");
        admin.backupDatabase(mgccomp, file);
        SQL.execInContainer("truncate", "-s", "8192", file.toString());

        VerificationResult verified = admin.verifyBackup(file, null, Map.of());
        assertFalse(verified.ok());
        execute(mgccomp, "DELETE FROM message WHERE id > 30");
        assertThrows(
                CorruptBackupException.class,
                () -> admin.restoreDatabase(mgccomp, file, RestoreOptions.replaceWithRecovery()));
        assertEquals("ONLINE", admin.state(mgccomp).orElseThrow());
        assertEquals(30, count(mgccomp));
    }

    @Test
    void mirroringIsNotAvailableOnLinuxAndSaidSo() throws Exception {
        DatabaseName db = DatabaseName.of("mirror_probe");
        admin.createDatabase(db);
        assertFalse(admin.can(Capability.MIRRORING));
        assertTrue(admin.can(Capability.LOG_SHIPPING));
        assertFalse(admin.isMirrored(db));
        assertThrows(UnsupportedCapabilityException.class, () -> admin.removeMirroring(db));
    }

    @Test
    void hostileNamesNeverReachTheServerAndExistingDatabasesNeedReplace() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DatabaseName.of("mgc]; DROP DATABASE x; --"));
        assertThrows(IllegalArgumentException.class, () -> SHARE.file("x.bak'; SHUTDOWN; --"));
        assertTrue(issued.isEmpty());
        DatabaseName db = DatabaseName.of("keep_me");
        createWithRows(db, 3);
        BackupFile file = SHARE.file("keep_me.bak");
        admin.backupDatabase(db, file);
        assertThrows(
                DatabaseAdministrationException.class,
                () -> admin.restoreDatabase(db, file, new RestoreOptions(false, true)));
        assertEquals(3, count(db));
    }

    private void createWithRows(DatabaseName name, int rows) throws SQLException {
        admin.createDatabase(name);
        execute(name, "CREATE TABLE message (id INT IDENTITY PRIMARY KEY, text NVARCHAR(100) NOT NULL)");
        execute(
                name,
                "INSERT INTO message (text) SELECT TOP " + rows
                        + " CONCAT('message ', ROW_NUMBER() OVER (ORDER BY (SELECT NULL)))"
                        + " FROM sys.all_objects a CROSS JOIN sys.all_objects b");
    }

    private static void execute(DatabaseName db, String sql) throws SQLException {
        try (Connection c = master.getConnection();
                Statement st = c.createStatement()) {
            st.execute("USE " + db.bracketed());
            st.execute(sql);
        }
    }

    private static long count(DatabaseName db) throws SQLException {
        try (Connection c = master.getConnection();
                Statement st = c.createStatement()) {
            st.execute("USE " + db.bracketed());
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
