package org.failback.batch.application.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTopologyTest {

    @TempDir
    Path dir;

    @Test
    void demoTopologyHasTwoPairedPoolsWithZeroPaddedUsersContactsAndSessions() throws SQLException {
        JdbcDataSource ds = MigratedProductDatabase.at(dir.resolve("db"));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            DemoTopology demo = new DemoTopology(c);
            assertTrue(!demo.isSeeded());
            long started = System.nanoTime();
            demo.seed(20_000);
            c.commit();
            System.out.printf("seeded 2 x 20000 users in %.2f s%n", (System.nanoTime() - started) / 1e9);
            assertTrue(demo.isSeeded());
            assertEquals(40_000, count(c, "SELECT COUNT(*) FROM registrar_user"));
            assertEquals(
                    1, count(c, "SELECT COUNT(*) FROM registrar_user WHERE sip = 'sip:user00001@fe-dc1.example.com'"));
            assertEquals(
                    1, count(c, "SELECT COUNT(*) FROM registrar_user WHERE sip = 'sip:user20000@fe-dc2.example.com'"));
            assertEquals(
                    2,
                    count(
                            c,
                            "SELECT COUNT(*) FROM fe_pool p JOIN fe_pool b ON p.backup_pool_id = b.id AND b.backup_pool_id = p.id"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM site_link WHERE low_latency"));
            assertEquals(2 * (20_000 + 19_999 + 19_998), count(c, "SELECT COUNT(*) FROM contact"));
            assertEquals(20, count(c, "SELECT COUNT(*) FROM conference"));
            assertEquals(20, count(c, "SELECT COUNT(*) FROM p2p_session"));
            assertEquals(
                    0,
                    count(
                            c,
                            "SELECT COUNT(*) FROM conference_participant cp JOIN registrar_user u ON u.id = cp.user_id WHERE NOT u.signed_in"));
            assertTrue(count(c, "SELECT COUNT(*) FROM registrar_user WHERE client_version = 'OC_2007_R2'") > 0);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
