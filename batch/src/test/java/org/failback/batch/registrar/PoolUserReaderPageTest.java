package org.failback.batch.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.failback.batch.engine.SchemaMigration;
import org.failback.batch.pool.DemoTopology;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover and failback readers' page query on the real schema (Flyway migrations, H2): a page reads its own
 * rows off the (pool, status, id) index and stops. Ordering by id alone made H2 read and sort every remaining user
 * of the pool for each page, which turned a 1,000,000-user failback quadratic.
 */
class PoolUserReaderPageTest {

    private static final int USERS = 5_000;
    private static final int PAGE_SIZE = 100;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @TempDir
    Path dir;

    private Connection c;
    private int poolId;
    private long firstId;

    @BeforeEach
    void poolOnBackup() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE");
        SchemaMigration.migrate(ds);
        c = ds.getConnection();
        new DemoTopology(c).seed(USERS);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT p.id, MIN(u.id) FROM fe_pool p JOIN registrar_user u ON u.home_pool_id = p.id"
                     + " WHERE p.name = 'fe-dc1' GROUP BY p.id")) {
            rs.next();
            poolId = rs.getInt(1);
            firstId = rs.getLong(2);
        }
        try (PreparedStatement onBackup = c.prepareStatement("UPDATE registrar_user SET failback_status = 'ON_BACKUP' WHERE home_pool_id = ?")) {
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
        long middle = firstId + USERS / 2;
        try (PreparedStatement page = c.prepareStatement(PoolUserReader.PAGE)) {
            bind(page, middle);
            long previous = middle;
            int rows = 0;
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    assertTrue(rs.getLong(1) > previous, "ids ascend from the checkpoint");
                    previous = rs.getLong(1);
                    rows++;
                }
            }
            assertEquals(PAGE_SIZE, rows);
        }
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE " + PoolUserReader.PAGE)) {
            bind(explain, middle);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                Matcher scanned = SCAN_COUNT.matcher(plan);
                assertTrue(scanned.find(), plan);
                assertTrue(Long.parseLong(scanned.group(1)) <= PAGE_SIZE + 1,
                        "a page must stop after its rows, not scan the rest of the pool:\n" + plan);
            }
        }
    }

    private void bind(PreparedStatement page, long after) throws SQLException {
        page.setInt(1, poolId);
        page.setString(2, "ON_BACKUP");
        page.setLong(3, after);
        page.setLong(4, Long.MAX_VALUE);
        page.setInt(5, PAGE_SIZE);
    }
}
