package org.failback.batch.infrastructure.dbadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.SharePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation of the port on H2 is a command-log row written before it runs and completed after. */
class CommandLogTest {

    private static final InstanceName INSTANCE = InstanceName.of("sql-dc1");
    private static final DatabaseName MGC = DatabaseName.of("mgc");

    @TempDir
    Path dir;

    private DataSource product;
    private JdbcCommandLog log;
    private H2DatabaseAdministration admin;
    private SharePath share;

    @BeforeEach
    void setUp() {
        product = MigratedProductDatabase.at(dir.resolve("product"));
        log = new JdbcCommandLog(product);
        admin = new H2DatabaseAdministration(
                dir.resolve("instances/sql-dc1/databases"), new CommandRecorder(log, INSTANCE, 7L), null);
        share = SharePath.under(dir, "share/mgc");
    }

    @Test
    void everyPortOperationIsARowCompletedAfterItRanWithItsInstanceDatabaseAndJob() throws Exception {
        admin.createDatabase(MGC);
        execute("CREATE TABLE message (id INT PRIMARY KEY)");
        execute("INSERT INTO message SELECT X FROM SYSTEM_RANGE(1, 20)");
        BackupFile file = share.file("mgc-1.zip");
        var backup = admin.backupDatabase(MGC, file);
        assertTrue(admin.verifyBackup(file, backup.sha256(), backup.rowCounts()).ok());
        admin.checkChecksum(file, backup.sha256());
        admin.restoreDatabase(DatabaseName.of("mgc_copy"), file, RestoreOptions.replaceWithRecovery());
        assertEquals(
                file.toString(),
                admin.lastRestoredFile(DatabaseName.of("mgc_copy")).orElseThrow());
        assertTrue(
                admin.checkShareAccess(share, SharePath.under(dir, "copy/mgc")).ok());

        List<JdbcCommandLog.Entry> rows = oldestFirst(log.find(new JdbcCommandLog.Filter(7L, null, null, 100)));
        assertEquals(
                List.of(
                        "CREATE_DATABASE mgc",
                        "BACKUP_DATABASE mgc",
                        "CHECKSUM null",
                        "CHECKSUM null",
                        "RESTORE_VERIFYONLY null",
                        "CHECKSUM null",
                        "RESTORE_VERIFYONLY null",
                        "RESTORE_DATABASE mgc_copy",
                        "QUERY_STATE mgc_copy",
                        "SHARE_ACCESS null"),
                rows.stream().map(r -> r.commandType() + " " + r.database()).toList());
        for (JdbcCommandLog.Entry row : rows) {
            assertEquals("sql-dc1", row.instance());
            assertEquals(7L, row.jobExecutionId());
            assertNotNull(row.endTime(), row.toString());
            assertTrue(!row.endTime().isBefore(row.startTime()), row.toString());
            assertNull(row.errorMessage(), row.toString());
        }
        assertTrue(
                rows.get(1).command().startsWith("BACKUP DATABASE mgc TO '" + file + "'"),
                rows.get(1).command());
        assertTrue(rows.get(0).id() < rows.get(1).id(), "id grows");
    }

    @Test
    void aFailedCommandIsCompletedWithItsError() throws Exception {
        admin.createDatabase(MGC);
        BackupFile file = share.file("mgc-1.zip");
        admin.backupDatabase(MGC, file);
        try (RandomAccessFile f = new RandomAccessFile(file.path().toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        assertThrows(CorruptBackupException.class, () -> admin.checkChecksum(file, "00".repeat(32)));
        JdbcCommandLog.Entry failed =
                log.find(new JdbcCommandLog.Filter(7L, null, null, 1)).get(0);
        assertEquals("CHECKSUM", failed.commandType());
        assertNotNull(failed.endTime());
        assertTrue(failed.errorMessage().contains("is corrupt"), failed.errorMessage());

        assertThrows(
                CorruptBackupException.class,
                () -> admin.restoreDatabase(DatabaseName.of("mgc_copy"), file, RestoreOptions.replaceWithRecovery()));
        JdbcCommandLog.Entry verify =
                log.find(new JdbcCommandLog.Filter(7L, null, null, 1)).get(0);
        assertEquals("RESTORE_VERIFYONLY", verify.commandType());
        assertNotNull(verify.errorMessage());
        assertNotNull(verify.errorNumber(), "H2's own error code: " + verify);
        assertEquals(
                0,
                log.find(new JdbcCommandLog.Filter(null, null, "mgc_copy", 10)).size(),
                "target untouched");
    }

    @Test
    void aRowIsWrittenBeforeTheCommandRunsAndStaysOpenWhenTheServerDiesRunningIt() throws Exception {
        CommandRecorder recorder = new CommandRecorder(log, INSTANCE, 8L);
        class ServerDied extends Error {}
        assertThrows(
                ServerDied.class,
                () -> recorder.run(MGC, "BACKUP_DATABASE", "BACKUP DATABASE mgc", () -> {
                    assertEquals(
                            1,
                            log.find(new JdbcCommandLog.Filter(8L, null, null, 10))
                                    .size(),
                            "row first");
                    throw new ServerDied();
                }));
        JdbcCommandLog.Entry open =
                log.find(new JdbcCommandLog.Filter(8L, null, null, 10)).get(0);
        assertNull(open.endTime(), "a crash leaves the end open");
    }

    @Test
    void theRowSurvivesARollbackOfTheWorkThatIssuedTheCommand() throws Exception {
        admin.createDatabase(MGC);
        try (Connection work = product.getConnection()) {
            work.setAutoCommit(false);
            try (Statement st = work.createStatement()) {
                st.executeUpdate("INSERT INTO site (id, name) VALUES (999, 'rolled-back')");
            }
            admin.backupDatabase(MGC, share.file("mgc-2.zip"));
            work.rollback();
        }
        assertEquals(
                1,
                log.find(new JdbcCommandLog.Filter(7L, null, "mgc", 100)).stream()
                        .filter(r -> r.commandType().equals("BACKUP_DATABASE"))
                        .count());
    }

    @Test
    void filtersAndLimitReadNewestFirst() throws Exception {
        admin.createDatabase(MGC);
        admin.createDatabase(DatabaseName.of("mgccomp"));
        new H2DatabaseAdministration(
                        dir.resolve("instances/sql-dc2/databases"),
                        new CommandRecorder(log, InstanceName.of("sql-dc2"), 9L),
                        null)
                .createDatabase(MGC);
        assertEquals(
                List.of("mgccomp", "mgc"),
                log.find(new JdbcCommandLog.Filter(null, "sql-dc1", null, 10)).stream()
                        .map(JdbcCommandLog.Entry::database)
                        .toList());
        assertEquals(1, log.find(new JdbcCommandLog.Filter(9L, null, null, 10)).size());
        assertEquals(
                2, log.find(new JdbcCommandLog.Filter(null, null, "mgc", 10)).size());
        assertEquals(1, log.find(new JdbcCommandLog.Filter(null, null, null, 1)).size());
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = admin.open(MGC);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<JdbcCommandLog.Entry> oldestFirst(List<JdbcCommandLog.Entry> rows) {
        List<JdbcCommandLog.Entry> copy = new java.util.ArrayList<>(rows);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
