package org.failback.batch.application.lis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.failback.batch.application.demo.DemoTopology;
import org.failback.batch.application.demo.LisDemo;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.InstanceCredentials;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.batch.infrastructure.lis.LisLocationStore;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.dbadmin.VerificationResult;
import org.failback.domain.lis.LisLocation;
import org.failback.domain.lis.NoLisBackupException;
import org.failback.domain.pool.PoolName;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LisBackupServiceTest {

    private static final PoolName FE1 = PoolName.of("fe-dc1");
    private static final PoolName FE2 = PoolName.of("fe-dc2");

    @TempDir
    Path data;

    private JdbcDataSource product;
    private LisStorage storage;
    private JdbcCommandLog commandLog;
    private final List<String> issued = new ArrayList<>();
    private LisBackupService service;

    @BeforeEach
    void seed() throws SQLException {
        product = MigratedProductDatabase.at(data.resolve("db/failback"));
        commandLog = new JdbcCommandLog(product);
        storage = new LisStorage(new DatabaseAdministrations(
                data, commandLog, new InstanceCredentials(data.resolve("credentials.properties"))));
        try (Connection c = product.getConnection()) {
            c.setAutoCommit(false);
            new DemoTopology(c).seed(10);
            LisDemo.seed(c, storage);
            c.commit();
        }
        service = new LisBackupService(storage, issued::add, 5L);
    }

    /** The pool's LIS database, wherever its instance keeps it. */
    private Connection lis(PoolName pool) throws SQLException {
        try (Connection c = product.getConnection()) {
            return storage.open(c, pool);
        }
    }

    @Test
    void lisDatabasesAreManagedDatabasesOnAnInstanceOfTheirSiteAndTheirCommandsAreLogged() throws SQLException {
        assertTrue(Files.isRegularFile(data.resolve("instances/sql-dc1/databases/lis_fe_dc1/lis_fe_dc1.mv.db")));
        assertTrue(Files.isRegularFile(data.resolve("instances/sql-dc2/databases/lis_fe_dc2/lis_fe_dc2.mv.db")));
        try (Connection c = product.getConnection()) {
            StoredBackup taken = service.take(c, FE1, null, null);
            service.verify(c, taken);
        }
        List<String> types = commandLog.find(new JdbcCommandLog.Filter(5L, "sql-dc1", null, 100)).stream()
                .map(e -> e.commandType() + " " + e.database())
                .toList();
        assertTrue(types.contains("BACKUP_DATABASE lis_fe_dc1"), types.toString());
        assertTrue(types.contains("RESTORE_VERIFYONLY null"), types.toString());
        assertTrue(commandLog.find(new JdbcCommandLog.Filter(5L, null, null, 100)).stream()
                .allMatch(e -> e.endTime() != null && e.instance().equals("sql-dc1")));
    }

    @Test
    void demoSeedingGivesEachPoolDistinctLocationsAndAFirstVerifiedBackupAndASchedule() throws SQLException {
        try (Connection c = product.getConnection();
                Connection lis1 = lis(FE1);
                Connection lis2 = lis(FE2)) {
            List<LisLocation> one = LisLocationStore.list(lis1);
            List<LisLocation> two = LisLocationStore.list(lis2);
            assertEquals(LisDemo.LOCATIONS_PER_POOL, one.size());
            assertEquals(LisDemo.LOCATIONS_PER_POOL, two.size());
            assertTrue(one.stream()
                    .noneMatch(l -> two.stream().anyMatch(m -> m.location().equals(l.location()))));
            LisBackupRepository backups = new LisBackupRepository(c);
            for (PoolName pool : List.of(FE1, FE2)) {
                List<StoredBackup> list = backups.list(pool);
                assertEquals(1, list.size());
                assertTrue(list.get(0).verified());
                assertTrue(Files.isRegularFile(
                        storage.backupShare(pool).file(list.get(0).fileName()).path()));
                assertEquals(60, backups.schedule(pool).orElseThrow().everyMinutes());
            }
        }
    }

    @Test
    void restoreMergesTheFailedPoolsLocationsIntoTheBackupPoolWhichKeepsItsOwnAndRerunningDuplicatesNothing()
            throws SQLException {
        try (Connection c = product.getConnection()) {
            LisLocationStore.MergeResult first = service.restoreIntoBackupPool(c, FE1, FE2);
            assertEquals(new LisLocationStore.MergeResult(25, 0, 0), first);
            LisLocationStore.MergeResult again = service.restoreIntoBackupPool(c, FE1, FE2);
            assertEquals(new LisLocationStore.MergeResult(0, 25, 0), again);
        }
        try (Connection lis2 = lis(FE2)) {
            List<LisLocation> all = LisLocationStore.list(lis2);
            assertEquals(50, all.size());
            assertEquals(25, all.stream().filter(l -> l.originPool() == null).count(), "fe-dc2 keeps its own");
            assertEquals(
                    25,
                    all.stream().filter(l -> "fe-dc1".equals(l.originPool())).count());
        }
        assertTrue(
                issued.stream().anyMatch(l -> l.startsWith("RESTORE DATABASE lis_staging_fe_dc1 FROM")),
                issued.toString());
        assertTrue(issued.stream().anyMatch(l -> l.startsWith("CHECK SHA-256")), issued.toString());
    }

    @Test
    void locationsRoundTrippedThroughTheOtherPoolAreNotMergedBackAsCopies() throws SQLException {
        try (Connection c = product.getConnection()) {
            service.restoreIntoBackupPool(c, FE1, FE2);
            StoredBackup backup = service.take(c, FE2, null, null);
            VerificationResult verified = service.verify(c, backup);
            assertTrue(verified.ok(), verified.checks().toString());
            service.markVerified(c, backup, "ok");
            assertEquals(new LisLocationStore.MergeResult(25, 0, 25), service.restoreIntoBackupPool(c, FE2, FE1));
        }
        try (Connection lis1 = lis(FE1)) {
            assertEquals(50, LisLocationStore.count(lis1));
        }
    }

    @Test
    void noBackupFailsSayingWhyAndHowToTakeOne() throws SQLException {
        try (Connection c = product.getConnection()) {
            for (StoredBackup b : new LisBackupRepository(c).list(FE1)) {
                new LisBackupRepository(c).delete(b.id());
            }
            NoLisBackupException none =
                    assertThrows(NoLisBackupException.class, () -> service.restoreIntoBackupPool(c, FE1, FE2));
            assertEquals(
                    "pool fe-dc1 has no LIS backup: take one with POST /api/lis/fe-dc1/backups", none.getMessage());
        }
    }

    @Test
    void corruptedOnlyBackupIsNotRestoredAndTheBackupPoolIsUnchanged() throws Exception {
        try (Connection c = product.getConnection()) {
            StoredBackup latest = new LisBackupRepository(c).latestVerified(FE1).orElseThrow();
            Path file = service.file(latest).path();
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(raf.length() - 10);
            }
            NoLisBackupException refused =
                    assertThrows(NoLisBackupException.class, () -> service.restoreIntoBackupPool(c, FE1, FE2));
            assertTrue(refused.getMessage().contains("fails its SHA-256 check"), refused.getMessage());
            assertFalse(service.intact(c, latest));
        }
        try (Connection lis2 = lis(FE2)) {
            assertEquals(25, LisLocationStore.count(lis2));
        }
    }

    @Test
    void corruptedNewestBackupIsPassedOverForTheNewestIntactOlderOne() throws Exception {
        try (Connection c = product.getConnection()) {
            StoredBackup older = new LisBackupRepository(c).latestVerified(FE1).orElseThrow();
            Thread.sleep(5); // a distinct file name (millisecond stamps)
            StoredBackup newest = service.take(c, FE1, null, null);
            service.markVerified(c, newest, "ok");
            try (RandomAccessFile raf =
                    new RandomAccessFile(service.file(newest).path().toFile(), "rw")) {
                raf.setLength(raf.length() - 10);
            }
            assertEquals(
                    Optional.of(older.id()), service.choose(c, FE1).backup().map(StoredBackup::id));
            assertEquals(25, service.restoreIntoBackupPool(c, FE1, FE2).inserted());
        }
    }

    @Test
    void retentionKeepsTheNewestVerifiedBackups() throws Exception {
        try (Connection c = product.getConnection()) {
            for (int i = 0; i < 3; i++) {
                StoredBackup b = service.take(c, FE1, null, null);
                service.markVerified(c, b, "ok");
                Thread.sleep(5); // distinct file names (millisecond stamps)
            }
            List<StoredBackup> before = new LisBackupRepository(c).list(FE1);
            assertEquals(4, before.size());
            List<String> deleted = service.applyRetention(c, FE1, 2);
            assertEquals(List.of(before.get(2).fileName(), before.get(3).fileName()), deleted);
            assertEquals(2, new LisBackupRepository(c).list(FE1).size());
            assertFalse(Files.exists(service.file(before.get(3)).path()));
        }
    }
}
