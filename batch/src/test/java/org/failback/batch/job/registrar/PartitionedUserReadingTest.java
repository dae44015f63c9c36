package org.failback.batch.job.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.api.partition.PartitionPlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.failback.batch.application.demo.DemoTopology;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the failover and failback steps split and read a pool's users, on the real schema (Flyway migrations, H2).
 * The readers' page query on the real schema (Flyway migrations, H2): a page reads its own
 * rows off the (pool, status, sip) index and stops. Ordering by a column the index does not lead with made H2 read
 * and sort every remaining user of the pool for each page, which turned a 1,000,000-user failback quadratic.
 */
class PartitionedUserReadingTest {

    private static final int USERS = 5_000;
    private static final int PAGE_SIZE = 100;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @TempDir
    Path dir;

    private JdbcDataSource dataSource;
    private Connection c;
    private int poolId;
    private String middleSip;

    @BeforeEach
    void poolOnBackup() throws SQLException {
        dataSource = MigratedProductDatabase.at(dir.resolve("db"));
        c = dataSource.getConnection();
        new DemoTopology(c).seed(USERS);
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT p.id FROM fe_pool p WHERE p.name = 'fe-dc1'")) {
            rs.next();
            poolId = rs.getInt(1);
        }
        middleSip = String.format("sip:user%05d@fe-dc1.example.com", USERS / 2);
        try (PreparedStatement onBackup =
                c.prepareStatement("UPDATE registrar_user SET failback_status = 'ON_BACKUP' WHERE home_pool_id = ?")) {
            onBackup.setInt(1, poolId);
            onBackup.executeUpdate();
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void readerPageReadsOnlyItsOwnRowsInIndexOrder() throws SQLException {
        try (PreparedStatement page = c.prepareStatement(PoolUserReader.PAGE)) {
            bind(page, middleSip);
            String previous = middleSip;
            int rows = 0;
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    assertTrue(rs.getString(7).compareTo(previous) > 0, "SIPs ascend from the checkpoint");
                    previous = rs.getString(7);
                    rows++;
                }
            }
            assertEquals(PAGE_SIZE, rows);
        }
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + PoolUserReader.PAGE)) {
            bind(explain, middleSip);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                Matcher scanned = SCAN_COUNT.matcher(plan);
                assertTrue(scanned.find(), plan);
                assertTrue(
                        Long.parseLong(scanned.group(1)) <= PAGE_SIZE + 1,
                        "a page must stop after its rows, not scan the rest of the pool:\n" + plan);
            }
        }
    }

    @Test
    void partitionsSplitThePoolIntoDisjointSipRangesThatCoverEveryUser() throws Exception {
        PartitionPlan plan = mapper("3", null).plan(c);
        assertEquals(3, plan.getPartitions());
        long covered = 0;
        String previousLast = "";
        for (Properties range : plan.getPartitionProperties()) {
            assertEquals(previousLast, range.getProperty("afterSip"), "each range starts where the previous one ended");
            String last = range.getProperty("lastSip").isEmpty()
                    ? PoolUserReader.AFTER_EVERY_SIP
                    : range.getProperty("lastSip");
            long users = countBetween(range.getProperty("afterSip"), last);
            assertTrue(users >= USERS / 3 - 1 && users <= USERS / 3 + 2, "balanced: " + users);
            covered += users;
            previousLast = range.getProperty("lastSip");
        }
        assertEquals("", previousLast, "the last range is open-ended");
        assertEquals(USERS, covered);
    }

    @Test
    void stagedFailbackReadsOnePartitionSoItsLimitIsExact() throws Exception {
        assertEquals(1, mapper("4", "10").plan(c).getPartitions());
    }

    @Test
    void aStepSetsOutToDoTheUsersInItsStatusesAndAStagedOneAtMostItsLimit() throws Exception {
        try (PreparedStatement moved = c.prepareStatement(
                "UPDATE registrar_user SET failback_status = ? WHERE home_pool_id = ? AND sip <= ?")) {
            moved.setString(1, "MOVED");
            moved.setInt(2, poolId);
            moved.setString(3, middleSip);
            assertEquals(USERS / 2, moved.executeUpdate());
        }
        assertEquals(USERS / 2, mapper("2", null).usersToDo(c), "ON_BACKUP and FAILED users are still to move");
        assertEquals(10, mapper("2", "10").usersToDo(c), "a staged failback moves at most its limit");
        assertEquals(USERS / 2, mapper("2", USERS + "").usersToDo(c), "and no more than there are");
        UserRangePartitionMapper failover = mapper("2", null);
        failover.transition = "FAIL_OVER";
        assertEquals(
                USERS / 2,
                failover.usersToDo(c),
                "the next failover moves the users a completed failback left MOVED (seen DONE), not those ON_BACKUP");
    }

    private UserRangePartitionMapper mapper(String partitions, String maxUsers) {
        UserRangePartitionMapper mapper = new UserRangePartitionMapper();
        mapper.dataSource = dataSource;
        mapper.poolId = Integer.toString(poolId);
        mapper.partitions = partitions;
        mapper.maxUsers = maxUsers;
        mapper.transition = "MOVE_HOME";
        return mapper;
    }

    private long countBetween(String after, String last) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM registrar_user WHERE home_pool_id = ? AND sip > ? AND sip <= ?")) {
            count.setInt(1, poolId);
            count.setString(2, after);
            count.setString(3, last);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void bind(PreparedStatement page, String after) throws SQLException {
        page.setInt(1, poolId);
        page.setString(2, "ON_BACKUP");
        page.setString(3, after);
        page.setString(4, PoolUserReader.AFTER_EVERY_SIP);
        page.setInt(5, PAGE_SIZE);
    }
}
