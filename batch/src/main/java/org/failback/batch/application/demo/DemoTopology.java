package org.failback.batch.application.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.failback.batch.infrastructure.pool.TopologyWriter;
import org.failback.domain.pool.PoolName;

/**
 * The demo topology of the API contract: sites dc1 and dc2 (no low-latency link), Front End pools fe-dc1 and fe-dc2 backing
 * each other up with N users each, a third of them signed in, with presence, contacts, conferences and
 * peer-to-peer sessions. Seeded only into an empty product database.
 */
public class DemoTopology {

    private static final Logger LOG = Logger.getLogger(DemoTopology.class.getName());
    public static final int DEFAULT_USERS = 20_000;

    private final Connection connection;
    private final TopologyWriter writer;

    public DemoTopology(Connection connection) {
        this.connection = connection;
        this.writer = new TopologyWriter(connection);
    }

    public static int configuredUsers() {
        String value = System.getProperty("failback.demo.users", System.getenv("FAILBACK_DEMO_USERS"));
        if (value == null || value.isBlank()) {
            return DEFAULT_USERS;
        }
        try {
            int users = Integer.parseInt(value.strip());
            if (users < 10 || users > 5_000_000) {
                throw new NumberFormatException();
            }
            return users;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "FAILBACK_DEMO_USERS must be an integer from 10 to 5000000, not '" + value + "'");
        }
    }

    public boolean isSeeded() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM site")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    public void seed(int usersPerPool) throws SQLException {
        Stopwatch watch = new Stopwatch();
        long started = System.nanoTime();
        int dc1 = writer.createSite(PoolName.of("dc1"));
        int dc2 = writer.createSite(PoolName.of("dc2"));
        writer.linkSites(dc1, dc2, false);
        int fe1 = writer.createPool(PoolName.of("fe-dc1"), dc1, 120);
        int fe2 = writer.createPool(PoolName.of("fe-dc2"), dc2, 120);
        writer.pair(fe1, fe2);
        writer.pair(fe2, fe1);
        writer.addUsers(fe1, PoolName.of("fe-dc1"), usersPerPool);
        writer.addUsers(fe2, PoolName.of("fe-dc2"), usersPerPool);
        watch.lap("writer.addUsers");
        signInEveryThirdUser();
        watch.lap("signInEveryThirdUser");
        setPresence();
        watch.lap("setPresence");
        addContacts("fe-dc1", "fe-dc2");
        addContacts("fe-dc2", "fe-dc1");
        watch.lap("addContacts");
        addSessions(fe1, fe2);
        addSessions(fe2, fe1);
        watch.lap("addSessions");
        LOG.info(() -> String.format(
                "demo topology seeded: 2 pools x %d users in %.1f s",
                usersPerPool, (System.nanoTime() - started) / 1e9));
    }

    /** Seeding must take seconds: the per-phase times are logged so a slow statement shows. */
    private static final class Stopwatch {
        private long last = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            LOG.info(() -> String.format("seed %s: %.2f s", phase, (now - last) / 1e9));
            last = now;
        }
    }

    private void signInEveryThirdUser() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(
                    "UPDATE registrar_user SET signed_in = 1, serving_pool_id = home_pool_id, mode = 'REGULAR' WHERE id % 3 = 0");
        }
    }

    private void setPresence() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(
                    "UPDATE registrar_user SET presence_set = CASE MOD(id, 7) WHEN 0 THEN 'BUSY' WHEN 1 THEN 'AWAY'"
                            + " WHEN 2 THEN 'DO_NOT_DISTURB' ELSE 'AVAILABLE' END");
        }
    }

    /** Each user knows the next two users of their pool and their namesake on the other pool. */
    private void addContacts(String pool, String otherPool) throws SQLException {
        try (PreparedStatement users = connection.prepareStatement(
                        "SELECT u.id, u.sip FROM registrar_user u JOIN fe_pool p ON p.id = u.home_pool_id WHERE p.name = ? ORDER BY u.id");
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO contact (owner_id, contact_sip) VALUES (?, ?)")) {
            users.setString(1, pool);
            List<long[]> window = new ArrayList<>();
            int pending = 0;
            try (ResultSet rs = users.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String sip = rs.getString(2);
                    // The two users before this one get it as their next neighbour.
                    for (int i = 0; i < window.size(); i++) {
                        insert.setLong(1, window.get(i)[0]);
                        insert.setString(2, sip);
                        insert.addBatch();
                        pending++;
                    }
                    insert.setLong(1, id);
                    insert.setString(2, sip.replace("@" + pool + ".", "@" + otherPool + "."));
                    insert.addBatch();
                    pending++;
                    window.add(new long[] {id});
                    if (window.size() > 2) {
                        window.remove(0);
                    }
                    if (pending >= 5_000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** Ten conferences and ten peer-to-peer sessions per pool between signed-in users, one guest from the other pool. */
    private void addSessions(int poolId, int otherPoolId) throws SQLException {
        List<Long> local = signedInUsers(poolId, 40);
        List<Long> remote = signedInUsers(otherPoolId, 10);
        try (PreparedStatement conference = connection.prepareStatement(
                        "INSERT INTO conference (id, organizer_id, kind, subject, state) VALUES (?, ?, ?, ?, 'ACTIVE')");
                PreparedStatement participant = connection.prepareStatement(
                        "INSERT INTO conference_participant (conference_id, user_id) VALUES (?, ?)");
                PreparedStatement p2p = connection.prepareStatement(
                        "INSERT INTO p2p_session (id, party_a, party_b, state) VALUES (?, ?, ?, 'ACTIVE')")) {
            for (int i = 0; i + 3 < local.size() && i / 4 < 10; i += 4) {
                long id = writer.nextValue("session_seq");
                conference.setLong(1, id);
                conference.setLong(2, local.get(i));
                conference.setString(3, i % 8 == 0 ? "SCHEDULED" : "AD_HOC");
                conference.setString(4, "Demo meeting " + (i / 4 + 1));
                conference.executeUpdate();
                for (long user : List.of(
                        local.get(i), local.get(i + 1), local.get(i + 2), remote.get((i / 4) % remote.size()))) {
                    participant.setLong(1, id);
                    participant.setLong(2, user);
                    participant.addBatch();
                }
                participant.executeBatch();
                p2p.setLong(1, writer.nextValue("session_seq"));
                p2p.setLong(2, local.get(i + 3));
                p2p.setLong(3, remote.get((i / 4 + 1) % remote.size()));
                p2p.executeUpdate();
            }
        }
    }

    private List<Long> signedInUsers(int poolId, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM registrar_user WHERE home_pool_id = ? AND signed_in = ? ORDER BY id OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            query.setInt(1, poolId);
            query.setBoolean(2, true);
            query.setInt(3, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
