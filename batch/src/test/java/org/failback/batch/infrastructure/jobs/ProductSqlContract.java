package org.failback.batch.infrastructure.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.failback.batch.application.demo.DemoTopology;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.batch.infrastructure.engine.DatabaseClock;
import org.failback.batch.infrastructure.engine.SqlDialect;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.domain.lis.LisBackupSchedule;
import org.failback.domain.pool.PoolName;
import org.junit.jupiter.api.Test;

/**
 * The runtime statements that had an H2-only form (MERGE ... KEY, FETCH FIRST without OFFSET, GROUP BY on an alias,
 * TRUE/FALSE literals, MOD, SELECT ... FOR UPDATE), run against a migrated product database of each engine.
 */
abstract class ProductSqlContract {

    private static final long EXECUTION = 41;
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    /** A product database with every migration of its engine applied and nothing else. */
    abstract DataSource migrated();

    @Test
    void aStepTotalIsReplacedAndItsChunksAreSummedPerInterval() throws SQLException {
        StepCounts counts = new StepCounts();
        counts.dataSource = migrated();
        counts.recordTotal(EXECUTION, "move-users-home", 500);
        counts.recordTotal(EXECUTION, "move-users-home", 450);
        try (Connection c = counts.dataSource.getConnection()) {
            StepCounts.addChunk(c, EXECUTION, "move-users-home", 100, Timestamp.from(START.plusMillis(100)));
            StepCounts.addChunk(c, EXECUTION, "move-users-home", 50, Timestamp.from(START.plusMillis(200)));
            StepCounts.addChunk(c, EXECUTION, "move-users-home", 7, Timestamp.from(START.plusMillis(1300)));
        }
        assertEquals(Map.of("move-users-home", 450L), counts.totals(EXECUTION));
        List<long[]> samples = counts.doneOverTime(EXECUTION, START, START.plusSeconds(2));
        assertEquals(2, samples.size());
        assertEquals(START.plusMillis(250).toEpochMilli(), samples.get(0)[0]);
        assertEquals(150, samples.get(0)[1]);
        assertEquals(157, samples.get(1)[1]);
    }

    @Test
    void theJobLogTailIsItsNewestLinesAndItsHeadItsOldest() {
        JobLog log = new JobLog();
        log.dataSource = migrated();
        for (int i = 1; i <= 5; i++) {
            log.log(EXECUTION, "step", "line " + i);
        }
        assertEquals(
                List.of("line 4", "line 5"),
                log.tail(List.of(EXECUTION), 2).stream().map(JobLog.Line::line).toList());
        assertEquals(
                List.of("line 1", "line 2"),
                log.lines(List.of(EXECUTION), 2).stream().map(JobLog.Line::line).toList());
    }

    @Test
    void theDemoTopologySeedsAndAPoolsLisScheduleIsInsertedThenReplaced() throws SQLException {
        try (Connection c = migrated().getConnection()) {
            new DemoTopology(c).seed(30);
            long signedIn = count(c, "SELECT COUNT(*) FROM registrar_user WHERE signed_in = ?", true);
            assertTrue(signedIn > 0);
            assertEquals(
                    count(c, "SELECT COUNT(*) FROM registrar_user WHERE id % 3 = 0 AND signed_in = ?", true), signedIn);
            LisBackupRepository lis = new LisBackupRepository(c);
            PoolName pool = PoolName.of("fe-dc1");
            Instant next = START.truncatedTo(ChronoUnit.SECONDS);
            lis.saveSchedule(new LisBackupSchedule(pool.value(), 60, 24, next));
            lis.saveSchedule(new LisBackupSchedule(pool.value(), 15, 3, next.plusSeconds(60)));
            LisBackupSchedule saved = lis.schedule(pool).orElseThrow();
            assertEquals(15, saved.everyMinutes());
            assertEquals(3, saved.keep());
            assertEquals(next.plusSeconds(60), saved.nextRunAt());
            assertTrue(lis.latestVerified(pool).isEmpty());
            lis.markLisRestorePending(pool, "no verified backup");
            lis.clearLisRestorePending(pool);
        }
    }

    @Test
    void aLockingSelectReadsTheRowInsideItsTransaction() throws SQLException {
        try (Connection c = migrated().getConnection()) {
            new DemoTopology(c).seed(10);
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    SqlDialect.of(c).lockingSelect("failback_status, signed_in", "registrar_user", "id = ?"))) {
                lock.setLong(1, firstUser(c));
                try (ResultSet rs = lock.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("NOT_AFFECTED", rs.getString(1));
                }
            }
            c.rollback();
        }
    }

    @Test
    void theCommandLogIsFilteredAndCut() {
        JdbcCommandLog commands = new JdbcCommandLog(migrated());
        assertTrue(commands.find(new JdbcCommandLog.Filter(null, "nowhere", null, 5))
                .isEmpty());
        assertTrue(commands.find(new JdbcCommandLog.Filter(EXECUTION, null, null, 5))
                .isEmpty());
    }

    /**
     * Leases are set and judged by the database's clock; read back they are the instant of that clock plus the lease,
     * in every engine (SQL Server's CURRENT_TIMESTAMP is a local datetime and would read hours off on a server not
     * running in UTC).
     */
    @Test
    void aPoolLockIsLeasedOnTheDatabasesClockAndReadBackAsThatInstant() throws SQLException {
        PoolJobLock locks = new PoolJobLock();
        locks.dataSource = migrated();
        int pool;
        try (Connection c = migrated().getConnection()) {
            new DemoTopology(c).seed(10);
            try (ResultSet rs = c.createStatement().executeQuery("SELECT MIN(id) FROM fe_pool")) {
                rs.next();
                pool = rs.getInt(1);
            }
        }
        Instant before = Instant.now();
        locks.acquire(List.of(pool), "pool-failback", "failback", PoolJobLock.newToken());
        Instant after = Instant.now();
        PoolJobLock.Holder holder = locks.holders(List.of(pool)).get(0);
        assertFalse(holder.leaseExpired());
        assertFalse(holder.ownerIsDead());
        // The test's clock and the database's agree within seconds (same machine or a container on it), never hours.
        assertTrue(
                !holder.leaseUntil().isBefore(before.plus(PoolJobLock.LEASE).minusSeconds(5))
                        && !holder.leaseUntil()
                                .isAfter(after.plus(PoolJobLock.LEASE).plusSeconds(5)),
                holder.leaseUntil() + " is not " + PoolJobLock.LEASE + " after " + before);
        try (Connection c = migrated().getConnection();
                PreparedStatement expire = c.prepareStatement("UPDATE pool_job_lock SET lease_until = "
                        + SqlDialect.of(c).secondsFromNow(-1))) {
            expire.executeUpdate();
        }
        assertTrue(locks.holders(List.of(pool)).get(0).leaseExpired());
        assertTrue(locks.renewLeases() >= 1);
        assertFalse(locks.holders(List.of(pool)).get(0).leaseExpired());
    }

    /** The schedules' clock: the database's instant, which the test's own clock (same machine) agrees with. */
    @Test
    void theDatabaseClockIsAnInstant() throws SQLException {
        Instant before = Instant.now().minusSeconds(5);
        try (Connection c = migrated().getConnection()) {
            Instant now = DatabaseClock.now(c);
            assertTrue(
                    now.isAfter(before) && now.isBefore(Instant.now().plusSeconds(5)), now + " is not about " + before);
        }
    }

    private static long count(Connection c, String query, boolean flag) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(query)) {
            select.setBoolean(1, flag);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long firstUser(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT MIN(id) FROM registrar_user")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
