package org.failback.batch.infrastructure.dbadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.UnsupportedCapabilityException;
import org.failback.domain.dbadmin.VerificationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DatabaseAdministrationTest {

    @TempDir
    Path dir;

    private final List<String> issued = new ArrayList<>();
    private H2DatabaseAdministration admin;
    private JdbcCommandLog commandLog;
    private SharePath share;
    private final DatabaseName mgc = DatabaseName.of("mgc");

    @BeforeEach
    void setUp() throws SQLException {
        commandLog = new JdbcCommandLog(MigratedProductDatabase.at(dir.resolve("product")));
        admin = new H2DatabaseAdministration(
                dir.resolve("databases"),
                new CommandRecorder(commandLog, InstanceName.of("sql-test"), 99L),
                issued::add);
        share = SharePath.under(dir, "share/mgc");
        assertTrue(admin.createDatabase(mgc));
        assertFalse(admin.createDatabase(mgc), "second create is a no-op");
        try (Connection c = admin.open(mgc);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE message (id BIGINT PRIMARY KEY, text VARCHAR(100))");
            st.execute("INSERT INTO message SELECT X, 'message ' || X FROM SYSTEM_RANGE(1, 500)");
        }
    }

    @Test
    void backupRecordsSizeChecksumAndRowsThenVerifiesAndRestoresWithReplace() throws Exception {
        BackupFile file = share.file("mgc-full.zip");
        BackupResult backup = admin.backupDatabase(mgc, file);

        assertTrue(Files.isRegularFile(file.path()));
        assertEquals(Files.size(file.path()), backup.bytes());
        assertEquals(Sha256.of(file.path()), backup.sha256());
        assertEquals(64, backup.sha256().length());
        assertEquals(Map.of("MESSAGE", 500L), backup.rowCounts());
        assertFalse(Files.exists(file.path().resolveSibling("mgc-full.zip.part")), "no half-written file is left");

        VerificationResult verified = admin.verifyBackup(file, backup.sha256(), backup.rowCounts());
        assertTrue(verified.ok(), verified.checks().toString());
        try (Stream<Path> left = Files.list(dir.resolve("databases"))) {
            assertEquals(
                    List.of("mgc"), left.map(p -> p.getFileName().toString()).toList(), "scratch database removed");
        }

        execute("DELETE FROM message WHERE id > 100");
        assertEquals(100, count());
        admin.checkChecksum(file, backup.sha256());
        admin.restoreDatabase(mgc, file, RestoreOptions.replaceWithRecovery());
        assertEquals(500, count());

        assertTrue(issued.stream().anyMatch(l -> l.startsWith("BACKUP DATABASE mgc TO ")), issued.toString());
        assertTrue(issued.stream().anyMatch(l -> l.startsWith("RESTORE VERIFYONLY FROM ")), issued.toString());
        assertTrue(
                issued.stream()
                        .anyMatch(l ->
                                l.startsWith("RESTORE DATABASE mgc FROM ") && l.contains("WITH REPLACE, RECOVERY")),
                issued.toString());
    }

    @Test
    void aRestoreOfTheVerifiedBytesSkipsTheScratchRestoreAndOfOtherBytesRunsIt() throws Exception {
        BackupFile file = share.file("mgc-full.zip");
        BackupResult backup = admin.backupDatabase(mgc, file);
        execute("DELETE FROM message WHERE id > 100");
        issued.clear();
        admin.restoreDatabase(mgc, file, RestoreOptions.replaceWithRecovery().verifiedAs(backup.sha256()));
        assertEquals(500, count());
        assertTrue(issued.stream().noneMatch(l -> l.startsWith("RESTORE VERIFYONLY FROM ")), issued.toString());

        execute("DELETE FROM message WHERE id > 100");
        issued.clear();
        admin.restoreDatabase(mgc, file, RestoreOptions.replaceWithRecovery().verifiedAs("0".repeat(64)));
        assertEquals(500, count());
        assertTrue(
                issued.stream().anyMatch(l -> l.startsWith("RESTORE VERIFYONLY FROM ")),
                "another hash proves nothing: the scratch restore runs " + issued);
    }

    @Test
    void restoreIntoAnotherDatabaseCreatesIt() throws Exception {
        BackupFile file = share.file("mgc-full.zip");
        admin.backupDatabase(mgc, file);
        DatabaseName copy = DatabaseName.of("mgc_copy");
        admin.restoreDatabase(copy, file, RestoreOptions.replaceWithRecovery());
        try (Connection c = admin.open(copy);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message")) {
            rs.next();
            assertEquals(500, rs.getLong(1));
        }
        DatabaseAdministrationException exists = assertThrows(
                DatabaseAdministrationException.class,
                () -> admin.restoreDatabase(copy, file, new RestoreOptions(false, true)));
        assertTrue(exists.getMessage().contains("WITH REPLACE"), exists.getMessage());
    }

    @Test
    void truncatedBackupIsDetectedByChecksumAndRefusedChangingNothing() throws Exception {
        BackupFile file = share.file("mgc-full.zip");
        BackupResult backup = admin.backupDatabase(mgc, file);
        try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "rw")) {
            raf.setLength(backup.bytes() / 2);
        }
        execute("DELETE FROM message WHERE id > 300");

        VerificationResult verified = admin.verifyBackup(file, backup.sha256(), backup.rowCounts());
        assertFalse(verified.ok());
        assertTrue(
                verified.checks().get(0).contains("does not match"),
                verified.checks().toString());

        CorruptBackupException refused =
                assertThrows(CorruptBackupException.class, () -> admin.checkChecksum(file, backup.sha256()));
        assertTrue(
                refused.getMessage().contains("corrupt") && refused.getMessage().contains("nothing restored"),
                refused.getMessage());

        assertThrows(
                CorruptBackupException.class,
                () -> admin.restoreDatabase(mgc, file, RestoreOptions.replaceWithRecovery()));
        assertEquals(300, count(), "the target is untouched");
    }

    @Test
    void alteredBackupWithoutRecordedChecksumFailsTheScratchRestore() throws Exception {
        BackupFile file = share.file("mgc-full.zip");
        BackupResult backup = admin.backupDatabase(mgc, file);
        byte[] bytes = Files.readAllBytes(file.path());
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= 0x5A;
        }
        Files.write(file.path(), bytes);

        VerificationResult verified = admin.verifyBackup(file, null, backup.rowCounts());
        assertFalse(verified.ok(), verified.checks().toString());
    }

    @Test
    void missingBackupIsRefused() {
        BackupFile missing = share.file("nothing-here.zip");
        assertThrows(CorruptBackupException.class, () -> admin.checkChecksum(missing, "00"));
        assertFalse(admin.verifyBackup(missing, null, Map.of()).ok());
    }

    @Test
    void hostileNamesAndPathsAreRefusedBeforeAnySql() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DatabaseName.of("mgc]; DROP DATABASE x; --"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseName.of("mgc\"; DROP ALL OBJECTS; --"));
        assertThrows(IllegalArgumentException.class, () -> SharePath.under(dir, "share/../../etc"));
        assertThrows(IllegalArgumentException.class, () -> share.file("x.zip'; RUNSCRIPT FROM 'evil"));
        assertThrows(IllegalArgumentException.class, () -> share.file("../mgc.mv.db"));
        assertTrue(issued.stream().noneMatch(l -> l.contains("DROP")), issued.toString());
        assertEquals(500, count());
    }

    @Test
    void backupOfAMissingDatabaseIsRefusedWithoutCreatingIt() {
        DatabaseName ghost = DatabaseName.of("ghost");
        assertThrows(DatabaseAdministrationException.class, () -> admin.backupDatabase(ghost, share.file("ghost.zip")));
        assertFalse(admin.databaseExists(ghost));
    }

    @Test
    void capabilitiesSayPlainlyWhatH2CannotDo() {
        assertTrue(
                admin.can(Capability.BACKUP) && admin.can(Capability.VERIFY) && admin.can(Capability.RESTORE_REPLACE));
        assertFalse(admin.can(Capability.MIRRORING));
        assertFalse(admin.can(Capability.LOG_SHIPPING));
        assertFalse(admin.isMirrored(mgc));
        assertThrows(UnsupportedCapabilityException.class, () -> admin.removeMirroring(mgc));
        assertThrows(UnsupportedCapabilityException.class, () -> admin.backupLog(mgc, share.file("mgc.trn")));
        assertThrows(UnsupportedCapabilityException.class, () -> admin.restoreLog(mgc, share.file("mgc.trn"), false));
        assertThrows(
                UnsupportedCapabilityException.class,
                () -> admin.restoreDatabase(mgc, share.file("mgc-full.zip"), RestoreOptions.replaceWithNoRecovery()));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = admin.open(mgc);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long count() throws SQLException {
        try (Connection c = admin.open(mgc);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
