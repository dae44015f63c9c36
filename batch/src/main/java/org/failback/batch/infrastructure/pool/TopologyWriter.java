package org.failback.batch.infrastructure.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.failback.domain.pool.PoolGate;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.ClientVersion;

/**
 * Creates sites, pools and their homed users with batched JDBC: the demo topology and the topology API
 * create tens of thousands of users in seconds this way. Names arrive as validated {@link PoolName}s.
 */
public class TopologyWriter {

    private static final int BATCH = 2_000;
    private final Connection connection;

    public TopologyWriter(Connection connection) {
        this.connection = connection;
    }

    public int createSite(PoolName name) throws SQLException {
        int id = (int) nextValue("topology_seq");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO site (id, name) VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, name.value());
            insert.executeUpdate();
        }
        return id;
    }

    public void linkSites(int siteA, int siteB, boolean lowLatency) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO site_link (site_a, site_b, low_latency) VALUES (?, ?, ?)")) {
            insert.setInt(1, Math.min(siteA, siteB));
            insert.setInt(2, Math.max(siteA, siteB));
            insert.setBoolean(3, lowLatency);
            insert.executeUpdate();
        }
    }

    public int createPool(PoolName name, int siteId, int resiliencyTimerSeconds) throws SQLException {
        int id = (int) nextValue("topology_seq");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO fe_pool (id, name, site_id, state, resiliency_timer_seconds) VALUES (?, ?, ?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, name.value());
            insert.setInt(3, siteId);
            insert.setString(4, PoolState.NORMAL.name());
            insert.setInt(5, resiliencyTimerSeconds);
            insert.executeUpdate();
        }
        try (PreparedStatement gate =
                connection.prepareStatement("INSERT INTO pool_gate (id, pool_id) VALUES (?, ?)")) {
            for (int stripe = 0; stripe < PoolGate.STRIPES; stripe++) {
                gate.setLong(1, (long) id * PoolGate.STRIPES + stripe);
                gate.setInt(2, id);
                gate.addBatch();
            }
            gate.executeBatch();
        }
        return id;
    }

    public void pair(int poolId, int backupPoolId) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE fe_pool SET backup_pool_id = ? WHERE id = ?")) {
            update.setInt(1, backupPoolId);
            update.setInt(2, poolId);
            update.executeUpdate();
        }
    }

    /**
     * Adds {@code count} users {@code sip:user{n}@{pool}.example.com}, n zero-padded to the width of the pool size
     * (at least 5 digits). Most run Lync 2013, every 20th Lync 2010, every 97th Office Communicator 2007 R2.
     * User ids come in blocks of 1,000 from one sequence call (the sequence increments by 1,000).
     */
    public void addUsers(int poolId, PoolName pool, int count) throws SQLException {
        int width = Math.max(5, String.valueOf(count).length());
        long blockStart = 0;
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registrar_user (id, sip, home_pool_id, client_version, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int n = 1; n <= count; n++) {
                if ((n - 1) % 1000 == 0) {
                    blockStart = nextValue("registrar_user_seq");
                }
                insert.setLong(1, blockStart + (n - 1) % 1000);
                insert.setString(2, sipOf(n, width, pool));
                insert.setInt(3, poolId);
                insert.setString(4, clientOf(n).name());
                insert.setTimestamp(5, now);
                insert.addBatch();
                if (n % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    public static String sipOf(int n, int width, PoolName pool) {
        return "sip:user" + String.format("%0" + width + "d", n) + "@" + pool.value() + ".example.com";
    }

    static ClientVersion clientOf(int n) {
        if (n % 97 == 0) {
            return ClientVersion.OC_2007_R2;
        }
        return n % 20 == 0 ? ClientVersion.LYNC_2010 : ClientVersion.LYNC_2013;
    }

    public long nextValue(String sequence) throws SQLException {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        try (PreparedStatement next = connection.prepareStatement("SELECT NEXT VALUE FOR " + sequence);
                ResultSet rs = next.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
