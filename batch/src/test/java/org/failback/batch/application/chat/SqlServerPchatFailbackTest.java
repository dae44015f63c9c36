package org.failback.batch.application.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.chat.ChatPoolStore;
import org.failback.batch.infrastructure.chat.ChatPoolStore.PoolRow;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.InstanceCredentials;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.domain.chat.ChatPoolState;
import org.failback.domain.chat.ChatServer;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingMethod;
import org.failback.domain.dbadmin.SqlInstance;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The pchat-failover and pchat-failback jobs' steps, the product's own (PchatRunbook, in order, as their batchlets
 * run them), against two SQL Server 2022 containers: the product's log shipping of transaction-log backups, a round,
 * the primary lost, failover, posts on the backup, the primary rebuilt empty, failback; then every message once, in
 * order, in mgc and mgccomp on the primary, and the backup restoring the primary's log backups again. Skipped where no
 * Docker engine exists; SqlServerPchatFailbackStatementsTest checks the same run's T-SQL statement by statement
 * without one.
 *
 * <p>What this does not cover: the product's chat data path (ChatDatabases) is H2's only, so the messages are written
 * here with T-SQL, as Lync's chat servers write mgc themselves; what is under test is that the runbook's backup,
 * restores and reprotect carry every one of them. SQL Server Agent stays off: with Agent the product configures msdb
 * log shipping, which the pchat jobs refuse before they start (ChatJobs).
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerPchatFailbackTest {

    /** The image SqlServerDatabaseAdministrationTest pins (2019 images lack what log shipping needs). */
    static final String IMAGE = "mcr.microsoft.com/mssql/server:2022-CU15-ubuntu-22.04";

    static final Path SHARED = writableFolder(null, "failback-pchat-");
    static final Network NETWORK = Network.newNetwork();

    @Container
    static final MSSQLServerContainer PRIMARY = server("sql-dc1");

    @Container
    static final MSSQLServerContainer BACKUP = server("sql-dc2");

    private static final DatabaseName MGC = ChatPools.MGC;
    private static final DatabaseName MGCCOMP = ChatPools.MGCCOMP;

    private final List<String> log = new ArrayList<>();

    private static MSSQLServerContainer server(String alias) {
        return new MSSQLServerContainer(IMAGE)
                .acceptLicense()
                .withEnv("MSSQL_PID", "Developer")
                .withNetwork(NETWORK)
                .withNetworkAliases(alias)
                .withFileSystemBind(SHARED.toString(), SHARED.toString(), BindMode.READ_WRITE);
    }

    /** Writable by the containers' user (uid 10001), or BACKUP fails with operating system error 5. */
    private static Path writableFolder(Path parent, String name) {
        try {
            Path dir = parent == null ? Files.createTempDirectory(name) : Files.createDirectories(parent.resolve(name));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            return dir;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyMessageShippedOrPostedOnTheBackupIsOnThePrimaryOnceInOrderAndTheBackupShipsFromItAgain()
            throws Exception {
        // The data directory sits in the folder both containers mount at the same path: the share and the copy
        // folders are the product's, and the servers read and write them where the product does.
        Path data = writableFolder(SHARED, "data");
        Files.writeString(
                data.resolve("credentials.properties"),
                "sql.primary.username=" + PRIMARY.getUsername() + "\nsql.primary.password=" + PRIMARY.getPassword()
                        + "\nsql.backup.username=" + BACKUP.getUsername() + "\nsql.backup.password="
                        + BACKUP.getPassword() + "\n");
        Path share = writableFolder(data, ChatPools.SHARE);
        for (DatabaseName db : ChatPools.DATABASES) {
            writableFolder(share, db.value());
            writableFolder(data, "copy-dc2/" + db.value());
            writableFolder(data, "copy-dc1/" + db.value());
        }
        DataSource product = MigratedProductDatabase.at(data.resolve("product"));
        DatabaseAdministrations admins = new DatabaseAdministrations(
                data, new JdbcCommandLog(product), new InstanceCredentials(data.resolve("credentials.properties")));
        SQLServerDataSource primary = master(PRIMARY);
        SQLServerDataSource backup = master(BACKUP);
        for (DatabaseName db : ChatPools.DATABASES) {
            execute(primary, "CREATE DATABASE " + db.bracketed());
        }
        execute(primary, MGC, "CREATE TABLE chat_message (id BIGINT PRIMARY KEY, text NVARCHAR(4000) NOT NULL)");
        execute(
                primary,
                MGCCOMP,
                "CREATE TABLE compliance_message (id BIGINT PRIMARY KEY, text NVARCHAR(4000) NOT NULL)");

        List<String> expected = new ArrayList<>();
        try (Connection c = product.getConnection()) {
            SqlServerChatPool.seed(c, admins, PRIMARY.getJdbcUrl(), BACKUP.getJdbcUrl(), log::add);
            PoolRow row = ChatPools.require(c, "pchat");
            assertTrue(
                    new LogShippingStore(c)
                            .ofChatPool("pchat").stream()
                                    .allMatch(config ->
                                            !config.byAgent() && config.method() == LogShippingMethod.LOG_BACKUPS),
                    "product-run shipping of transaction-log backups");
            assertEquals("RESTORING", state(backup, MGC), "the secondary waits for log restores");

            for (int i = 0; i < 5; i++) {
                expected.add("shipped " + i);
                post(primary, expected.size(), "shipped " + i);
            }
            SqlServerChatPool.shipRound(c, admins, 1L, log::add);
            post(primary, 6, "lost with the primary");

            // The primary data centre is lost: its databases are gone with it.
            ChatPoolStore store = new ChatPoolStore(c);
            store.transition(row.id(), EnumSet.of(ChatPoolState.NORMAL), ChatPoolState.DOWN);
            for (DatabaseName db : ChatPools.DATABASES) {
                execute(primary, "ALTER DATABASE " + db.bracketed() + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
                execute(primary, "DROP DATABASE " + db.bracketed());
            }
            store.transition(row.id(), EnumSet.of(ChatPoolState.DOWN), ChatPoolState.FAILING_OVER);
            SqlServerChatPool.runJob(c, admins, PchatStep.Job.FAILOVER, 11L, log::add);
            row = ChatPools.require(c, "pchat");
            assertEquals(ChatPoolState.FAILED_OVER, row.state());
            assertEquals("sql-dc2", row.active().name().value());
            assertTrue(row.recoveryFile().startsWith("mgc-sql-dc1-"), row.recoveryFile());
            assertEquals("ONLINE", state(backup, MGC));
            assertEquals(expected, texts(backup, MGC), "exactly what the round shipped: the sixth post is lost");
            assertEquals(expected, texts(backup, MGCCOMP));

            for (int i = 0; i < 3; i++) {
                expected.add("on the backup " + i);
                post(backup, expected.size() + 1, "on the backup " + i);
            }

            // The primary is rebuilt: empty mgc and mgccomp, under file names of their own.
            for (DatabaseName db : ChatPools.DATABASES) {
                execute(primary, "CREATE DATABASE " + db.bracketed());
            }
            store.setPrimaryRebuilt(row.id(), true);
            store.transition(row.id(), EnumSet.of(ChatPoolState.FAILED_OVER), ChatPoolState.FAILING_BACK);
            SqlServerChatPool.runJob(c, admins, PchatStep.Job.FAILBACK, 12L, log::add);

            row = ChatPools.require(c, "pchat");
            assertEquals(ChatPoolState.NORMAL, row.state());
            assertEquals("sql-dc1", row.active().name().value());
            assertNull(row.recoveryFile());
            assertEquals(
                    List.of("chat1.dc1", "chat2.dc1"),
                    store.servers(row.id()).stream()
                            .filter(ChatServer::active)
                            .map(ChatServer::name)
                            .toList());
            assertFalse(new LogShippingStore(c).removed("pchat"));
        }
        assertEquals("ONLINE", state(primary, MGC));
        assertEquals(expected, texts(primary, MGC), "every message once, in order");
        assertEquals(expected, texts(primary, MGCCOMP));
        assertEquals("RESTORING", state(backup, MGC), "reprotected: restored from the failback's backup, NORECOVERY");
        assertEquals("RESTORING", state(backup, MGCCOMP));
        assertTrue(
                log.stream().anyMatch(l -> l.startsWith("BACKUP DATABASE [mgc] TO DISK = ?") && l.contains("CHECKSUM")),
                log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("RESTORE VERIFYONLY")), log.toString());
        assertTrue(
                log.stream()
                        .anyMatch(l -> l.startsWith("RESTORE DATABASE [mgc] FROM DISK = ? WITH MOVE ? TO ?")
                                && l.contains("REPLACE")
                                && l.contains("RECOVERY")),
                log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("NORECOVERY")), log.toString());

        expected.add("after failback");
        post(primary, 10, "after failback");
        try (Connection c = product.getConnection()) {
            LogShippingService shipping = new LogShippingService(c, admins);
            assertEquals(2, shipping.backup("pchat", 2L, null, log::add).size());
            shipping.copy("pchat", null, log::add);
            assertEquals(2, shipping.restore("pchat", null, log::add), "the new primary's log backups apply");
        }
        String lastRestored = admins.forInstance(instance(product, "sql-dc2"), null, log::add)
                .lastRestoredFile(MGC)
                .orElseThrow();
        assertTrue(lastRestored.contains("mgc-sql-dc1-"), "a log backup of the new primary: " + lastRestored);
        execute(backup, "RESTORE DATABASE [mgc] WITH RECOVERY");
        assertEquals(expected, texts(backup, MGC), "the shipped log carried the post made after the failback");
    }

    /** A post as the chat path makes it: into mgc, then its compliance copy with the same id into mgccomp. */
    private static void post(SQLServerDataSource master, long id, String text) throws SQLException {
        execute(master, MGC, "INSERT INTO chat_message (id, text) VALUES (" + id + ", N'" + text + "')");
        execute(master, MGCCOMP, "INSERT INTO compliance_message (id, text) VALUES (" + id + ", N'" + text + "')");
    }

    private static List<String> texts(SQLServerDataSource master, DatabaseName db) throws SQLException {
        String table = db.equals(MGC) ? "chat_message" : "compliance_message";
        List<String> texts = new ArrayList<>();
        try (Connection c = master.getConnection();
                Statement st = c.createStatement()) {
            st.execute("USE " + db.bracketed());
            try (ResultSet rs = st.executeQuery("SELECT text FROM " + table + " ORDER BY id")) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
        }
        return texts;
    }

    private static String state(SQLServerDataSource master, DatabaseName db) throws SQLException {
        try (Connection c = master.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT state_desc FROM sys.databases WHERE name = ?")) {
            q.setString(1, db.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : "MISSING";
            }
        }
    }

    private static SqlInstance instance(DataSource product, String name) throws SQLException {
        try (Connection c = product.getConnection()) {
            return new SqlTopologyStore(c)
                    .instance(InstanceName.of(name))
                    .orElseThrow()
                    .instance();
        }
    }

    private static SQLServerDataSource master(MSSQLServerContainer container) {
        SQLServerDataSource master = new SQLServerDataSource();
        master.setURL(container.getJdbcUrl());
        master.setUser(container.getUsername());
        master.setPassword(container.getPassword());
        master.setDatabaseName("master");
        return master;
    }

    private static void execute(SQLServerDataSource master, String sql) throws SQLException {
        try (Connection c = master.getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void execute(SQLServerDataSource master, DatabaseName db, String sql) throws SQLException {
        try (Connection c = master.getConnection();
                Statement st = c.createStatement()) {
            st.execute("USE " + db.bracketed());
            st.execute(sql);
        }
    }
}
