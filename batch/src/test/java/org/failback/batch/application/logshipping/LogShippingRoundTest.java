package org.failback.batch.application.logshipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.failback.batch.application.dbadmin.DemoSqlTopology;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.InstanceCredentials;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingMethod;
import org.failback.domain.dbadmin.LogShippingSchedule;
import org.failback.domain.dbadmin.LogShippingStatus;
import org.failback.domain.dbadmin.ShareAccess;
import org.failback.domain.dbadmin.ShareAccessException;
import org.failback.domain.dbadmin.SqlInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log-shipping rounds of the demo's mgc and mgccomp from sql-dc1 to sql-dc2 on H2, through the product's service. */
class LogShippingRoundTest {

    private static final String POOL = DemoSqlTopology.CHAT_POOL;
    private static final DatabaseName MGC = DatabaseName.of("mgc");

    @TempDir
    Path data;

    private SqlFixture sql;
    private final List<String> lines = new ArrayList<>();
    private final DatabaseOperationLog log = lines::add;

    @BeforeEach
    void seed() throws SQLException {
        sql = new SqlFixture(data);
        sql.execute("sql-dc1", MGC, "CREATE TABLE message (id BIGINT PRIMARY KEY, text VARCHAR(100))");
        sql.execute("sql-dc1", MGC, "INSERT INTO message SELECT X, 'message ' || X FROM SYSTEM_RANGE(1, 100)");
    }

    @Test
    void aRoundShipsConsistentFullBackupsOnH2AndSaysSoInEveryLine() throws Exception {
        long jobInstance = 1;
        round(sql.administrations(), jobInstance, 11L);

        assertEquals(100, sql.rows("sql-dc2", MGC, "message"));
        assertTrue(lines.stream().allMatch(l -> l.startsWith("[FULL_BACKUPS] ")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.toLowerCase().contains("log chain")), lines.toString());
        try (Connection c = sql.product.getConnection()) {
            LogShippingStore store = new LogShippingStore(c);
            for (LogShippingStore.Config config : store.ofChatPool(POOL)) {
                LogShippingStatus status = store.status(config);
                assertEquals(LogShippingMethod.FULL_BACKUPS, status.method());
                assertNotNull(status.lastBackup());
                assertNotNull(status.lastCopy());
                assertNotNull(status.lastRestore());
                assertTrue(status.lastRestoredFile().startsWith(config.database() + "-sql-dc1-00000001-"));
                assertEquals(60, status.backupThresholdMinutes());
                assertEquals(45, status.restoreThresholdMinutes());
                assertFalse(status.alert(Instant.now()));
                assertTrue(status.alert(Instant.now().plusSeconds(46 * 60)), "restore older than 45 minutes");
            }
        }
        // The round's commands, in order, each completed: share check, backup, copy, checksum, restore.
        List<String> commands = sql.commands("job_execution_id = 11 AND database_name = 'mgc'");
        assertEquals(
                List.of(
                        "BACKUP_DATABASE mgc sql-dc1",
                        "COPY_FILE mgc sql-dc2",
                        "QUERY_STATE mgc sql-dc2",
                        "RESTORE_DATABASE mgc sql-dc2"),
                commands);
    }

    @Test
    void aRestartOfTheSameRoundTakesNoSecondBackup() throws Exception {
        try (Connection c = sql.product.getConnection()) {
            LogShippingService service = new LogShippingService(c, sql.administrations());
            assertEquals(2, service.backup(POOL, 7L, 21L, log).size());
            assertEquals(0, service.backup(POOL, 7L, 22L, log).size(), "restart of job instance 7");
            assertEquals(2, service.backup(POOL, 8L, 23L, log).size(), "the next round");
        }
        assertEquals(4, sql.count("SELECT COUNT(*) FROM log_shipping_file"));
        assertEquals(
                2,
                sql.count("SELECT COUNT(*) FROM sql_command_log WHERE command_type = 'BACKUP_DATABASE'"
                        + " AND job_execution_id IN (21, 22)"));
    }

    @Test
    void aRestartInTheMiddleOfARoundAppliesNoFileTwiceAndSkipsNone() throws Exception {
        // Three files of mgc wait on the secondary: each backup holds 100 more messages than the one before.
        try (Connection c = sql.product.getConnection()) {
            LogShippingService service = new LogShippingService(c, sql.administrations());
            for (long round = 1; round <= 3; round++) {
                service.backup(POOL, round, 30 + round, log);
                service.copy(POOL, 30 + round, log);
                sql.execute(
                        "sql-dc1",
                        MGC,
                        "INSERT INTO message SELECT X, 'more' FROM SYSTEM_RANGE(" + (round * 100 + 1) + ", "
                                + (round * 100 + 100) + ")");
            }
        }
        // The server dies right after the engine applied mgc's second file, before the product recorded it.
        IntPredicate secondMgcRestore = n -> n == 2;
        DatabaseAdministrations crashing = injecting(secondMgcRestore);
        try (Connection c = sql.product.getConnection()) {
            assertThrows(
                    FailingRestores.Crash.class, () -> new LogShippingService(c, crashing).restore(POOL, 41L, log));
        }
        assertEquals(List.of(true, false, false), restored("mgc"));
        assertEquals(200, sql.rows("sql-dc2", MGC, "message"), "file 2 applied by the engine");

        // The restarted round: file 2 is recognised from the engine's restore history, file 3 applied once.
        try (Connection c = sql.product.getConnection()) {
            new LogShippingService(c, sql.administrations()).restore(POOL, 42L, log);
        }
        assertEquals(List.of(true, true, true), restored("mgc"));
        assertEquals(300, sql.rows("sql-dc2", MGC, "message"));
        assertEquals(
                3,
                sql.count("SELECT COUNT(*) FROM sql_command_log WHERE command_type = 'RESTORE_DATABASE'"
                        + " AND database_name = 'mgc' AND instance_name = 'sql-dc2'"),
                "one restore per file: " + sql.commands("command_type = 'RESTORE_DATABASE'"));
        assertTrue(lines.stream().anyMatch(l -> l.contains("is already restored on sql-dc2: recorded, not applied")));
    }

    @Test
    void aCorruptedBackupIsRefusedAndTheSecondaryKeepsItsRows() throws Exception {
        round(sql.administrations(), 1, 51L);
        sql.execute("sql-dc1", MGC, "DELETE FROM message WHERE id > 10");
        Path copied;
        try (Connection c = sql.product.getConnection()) {
            LogShippingService service = new LogShippingService(c, sql.administrations());
            service.backup(POOL, 2L, 52L, log);
            service.copy(POOL, 52L, log);
            LogShippingStore.ShippedFile second = new LogShippingStore(c)
                    .files(new LogShippingStore(c).ofChatPool(POOL).get(0).id())
                    .get(1);
            copied = data.resolve("instances/sql-dc2/copy/mgc").resolve(second.fileName());
            try (RandomAccessFile file = new RandomAccessFile(copied.toFile(), "rw")) {
                file.seek(file.length() / 2);
                file.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
            CorruptBackupException refused =
                    assertThrows(CorruptBackupException.class, () -> service.restore(POOL, 52L, log));
            assertTrue(refused.getMessage().contains("does not match the recorded"), refused.getMessage());
        }
        assertEquals(100, sql.rows("sql-dc2", MGC, "message"), "the secondary untouched");
        assertEquals(List.of(true, false), restored("mgc"));
        assertEquals(
                1,
                sql.count("SELECT COUNT(*) FROM sql_command_log WHERE command_type = 'CHECKSUM' AND job_execution_id"
                        + " = 52 AND error_message LIKE '%is corrupt%' AND end_time IS NOT NULL"));
        assertEquals(
                0,
                sql.count("SELECT COUNT(*) FROM sql_command_log WHERE command_type = 'RESTORE_DATABASE'"
                        + " AND job_execution_id = 52"));
        assertTrue(Files.exists(copied));
    }

    @Test
    void theShareCheckNamesTheAccountThePathAndTheMissingRight() throws Exception {
        Path copyFolder = data.resolve("instances/sql-dc2/copy/mgc");
        Files.createDirectories(copyFolder.getParent());
        if (Files.isDirectory(copyFolder)) {
            Files.delete(copyFolder);
        }
        Files.writeString(copyFolder, "a file where the copy folder should be");
        long configurations = sql.count("SELECT COUNT(*) FROM log_shipping");
        try (Connection c = sql.product.getConnection()) {
            LogShippingService service = new LogShippingService(c, sql.administrations());
            ShareAccessException refused = assertThrows(
                    ShareAccessException.class,
                    () -> service.configure(
                            DemoSqlTopology.PRIMARY,
                            DemoSqlTopology.BACKUP,
                            MGC,
                            "CHAT",
                            null,
                            "shares/elsewhere",
                            LogShippingSchedule.DEFAULT,
                            null,
                            log));
            ShareAccess access = refused.access();
            assertEquals(System.getProperty("user.name"), access.account());
            assertEquals(2, access.missing().size(), access.describe());
            assertEquals(ShareAccess.Right.READ, access.missing().get(0).right());
            assertEquals(
                    data.resolve("shares/elsewhere/mgc").toString(),
                    access.missing().get(0).path());
            assertEquals("does not exist", access.missing().get(0).reason());
            assertEquals(ShareAccess.Right.WRITE, access.missing().get(1).right());
            assertEquals(copyFolder.toString(), access.missing().get(1).path());
            assertTrue(
                    refused.getMessage()
                            .startsWith("share access check failed: account " + System.getProperty("user.name")
                                    + " lacks READ on " + data.resolve("shares/elsewhere/mgc")),
                    refused.getMessage());
            // The round checks before it ships anything.
            assertThrows(ShareAccessException.class, () -> service.checkShareAccess(POOL, 61L, log));
        }
        assertEquals(configurations, sql.count("SELECT COUNT(*) FROM log_shipping"), "nothing configured");
        assertEquals(
                0,
                sql.count("SELECT COUNT(*) FROM sql_command_log WHERE command_type = 'BACKUP_DATABASE'"
                        + " AND job_execution_id = 61"));
    }

    @Test
    void hostileNamesAndPathsAreRefusedBeforeAnyStatement() throws Exception {
        long before = sql.count("SELECT COUNT(*) FROM sql_command_log");
        assertThrows(IllegalArgumentException.class, () -> DatabaseName.of("mgc; DROP ALL OBJECTS"));
        assertThrows(IllegalArgumentException.class, () -> InstanceName.of("sql-dc1'; --"));
        assertThrows(IllegalArgumentException.class, () -> InstanceName.of("../sql-dc1"));
        try (Connection c = sql.product.getConnection()) {
            LogShippingService service = new LogShippingService(c, sql.administrations());
            for (String share : new String[] {"../../etc", "shares/../..", "shares/x'; DROP", "shares/a\u0000b"}) {
                assertThrows(
                        IllegalArgumentException.class,
                        () -> service.configure(
                                DemoSqlTopology.PRIMARY,
                                DemoSqlTopology.BACKUP,
                                MGC,
                                "CHAT",
                                null,
                                share,
                                LogShippingSchedule.DEFAULT,
                                null,
                                log),
                        share);
            }
            assertThrows(
                    IllegalArgumentException.class,
                    () -> service.configure(
                            DemoSqlTopology.PRIMARY,
                            InstanceName.of("sql-nowhere"),
                            MGC,
                            "CHAT",
                            null,
                            DemoSqlTopology.SHARE,
                            LogShippingSchedule.DEFAULT,
                            null,
                            log));
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> new SqlInstance(
                        InstanceName.of("sql-x"),
                        "dc1",
                        org.failback.domain.dbadmin.Engine.SQL_SERVER,
                        "jdbc:sqlserver://h;password=secret",
                        null));
        assertEquals(before, sql.count("SELECT COUNT(*) FROM sql_command_log"), "no command issued");
    }

    private void round(DatabaseAdministrations administrations, long jobInstance, long execution) throws Exception {
        try (Connection c = sql.product.getConnection()) {
            LogShippingService service = new LogShippingService(c, administrations);
            service.checkShareAccess(POOL, execution, log);
            service.backup(POOL, jobInstance, execution, log);
            service.copy(POOL, execution, log);
            service.restore(POOL, execution, log);
        }
    }

    private List<Boolean> restored(String database) throws SQLException {
        try (Connection c = sql.product.getConnection()) {
            LogShippingStore store = new LogShippingStore(c);
            LogShippingStore.Config config = store.ofChatPool(POOL).stream()
                    .filter(x -> x.database().value().equals(database))
                    .findFirst()
                    .orElseThrow();
            return store.files(config.id()).stream()
                    .map(f -> f.restoredAt() != null)
                    .toList();
        }
    }

    /** The real registry, with sql-dc2's mgc restores crashing where {@code crashAfter} says. */
    private DatabaseAdministrations injecting(IntPredicate crashAfter) {
        return new DatabaseAdministrations(
                data, sql.commandLog, new InstanceCredentials(data.resolve("credentials.properties"))) {
            private FailingRestores secondary;

            @Override
            public DatabaseAdministration forInstance(SqlInstance instance, Long job, DatabaseOperationLog log) {
                DatabaseAdministration real = super.forInstance(instance, job, log);
                if (!instance.name().equals(DemoSqlTopology.BACKUP)) {
                    return real;
                }
                if (secondary == null) {
                    secondary = new FailingRestores(real, crashAfter);
                }
                return secondary;
            }
        };
    }
}
