package org.failback.batch.infrastructure.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore.InstanceRow;
import org.failback.batch.infrastructure.engine.SqlDialect;
import org.failback.batch.infrastructure.jobs.NodeIdentity;
import org.failback.batch.infrastructure.jobs.PoolJobLock;
import org.failback.domain.chat.ChatPoolState;
import org.failback.domain.chat.ChatServer;

/** The Persistent Chat pools of the product database (chat_pool, chat_server, chat_room; V31 and V60). */
public class ChatPoolStore {

    private static final String UNLOCKED = "lock_job_name = NULL, lock_execution_id = NULL, locked_at = NULL,"
            + " lock_node = NULL, lock_lease_until = NULL";
    private static final String POOL_COLUMNS = "id, name, primary_instance_id, backup_instance_id, active_instance_id,"
            + " state, primary_rebuilt, recovery_file, recovery_taken_at, failover_topology, lock_job_name,"
            + " lock_execution_id";

    private final Connection connection;
    private final SqlTopologyStore topology;

    public ChatPoolStore(Connection connection) {
        this.connection = connection;
        this.topology = new SqlTopologyStore(connection);
    }

    private SqlDialect dialect() throws SQLException {
        return SqlDialect.of(connection);
    }

    /** A chat pool as stored; {@code active} is the instance whose mgc/mgccomp serve it now. */
    public record PoolRow(
            int id,
            String name,
            InstanceRow primary,
            InstanceRow backup,
            InstanceRow active,
            ChatPoolState state,
            boolean primaryRebuilt,
            String recoveryFile,
            Instant recoveryTakenAt,
            String failoverTopology,
            String lockJobName,
            Long lockExecutionId) {}

    public List<String> names() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT name FROM chat_pool ORDER BY name");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    public Optional<PoolRow> pool(String name) throws SQLException {
        return pool("name = ?", name);
    }

    public Optional<PoolRow> pool(int id) throws SQLException {
        return pool("id = ?", id);
    }

    private Optional<PoolRow> pool(String where, Object value) throws SQLException {
        try (PreparedStatement q =
                connection.prepareStatement("SELECT " + POOL_COLUMNS + " FROM chat_pool WHERE " + where)) {
            q.setObject(1, value);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long lock = rs.getLong(12);
                Long lockExecution = rs.wasNull() ? null : lock;
                Timestamp taken = rs.getTimestamp(9);
                return Optional.of(new PoolRow(
                        rs.getInt(1),
                        rs.getString(2),
                        instance(rs.getInt(3)),
                        instance(rs.getInt(4)),
                        instance(rs.getInt(5)),
                        ChatPoolState.valueOf(rs.getString(6)),
                        rs.getBoolean(7),
                        rs.getString(8),
                        taken == null ? null : taken.toInstant(),
                        rs.getString(10),
                        rs.getString(11),
                        lockExecution));
            }
        }
    }

    private InstanceRow instance(int id) throws SQLException {
        return topology.instance(id).orElseThrow(() -> new IllegalStateException("no SQL instance with id " + id));
    }

    /** Moves the pool from one of {@code from} to {@code to}; false when it was in none of them (nothing changed). */
    public boolean transition(int poolId, java.util.Set<ChatPoolState> from, ChatPoolState to) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (ChatPoolState s : from) {
            in.append(in.isEmpty() ? "" : ", ").append('\'').append(s.name()).append('\'');
        }
        // The IN list holds enum constants only.
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE chat_pool SET state = ? WHERE id = ? AND state IN (" + in + ")")) {
            update.setString(1, to.name());
            update.setInt(2, poolId);
            return update.executeUpdate() == 1;
        }
    }

    public void setActiveInstance(int poolId, int instanceId) throws SQLException {
        update("UPDATE chat_pool SET active_instance_id = ? WHERE id = ?", instanceId, poolId);
    }

    public void setPrimaryRebuilt(int poolId, boolean rebuilt) throws SQLException {
        update("UPDATE chat_pool SET primary_rebuilt = ? WHERE id = ?", rebuilt, poolId);
    }

    public void setRecoveryPoint(int poolId, String file, Instant takenAt, String topologySeen) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE chat_pool SET recovery_file = ?,"
                + " recovery_taken_at = ?, failover_topology = ? WHERE id = ?")) {
            update.setString(1, file);
            update.setTimestamp(2, takenAt == null ? null : Timestamp.from(takenAt));
            update.setString(3, topologySeen);
            update.setInt(4, poolId);
            update.executeUpdate();
        }
    }

    /** Takes the pool's job lock for {@code jobName} on this node; false when a job holds it. */
    public boolean lock(int poolId, String jobName) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE chat_pool SET lock_job_name = ?,"
                + " lock_execution_id = NULL, locked_at = " + dialect().now() + ", lock_node = ?, lock_lease_until = "
                + PoolJobLock.leaseEnd(dialect()) + " WHERE id = ? AND lock_job_name IS NULL")) {
            update.setString(1, jobName);
            update.setString(2, NodeIdentity.current());
            update.setInt(3, poolId);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * The lock now belongs to {@code execution}, run by this node (a restart may run on another node). Only while the
     * lock is still the one this node took for that job and no execution owns it yet, or that execution already does:
     * the job's own listener claims it too, and whichever of the two comes second must not revive a lock the ended
     * execution already gave back.
     */
    public boolean assignLock(String pool, String jobName, long execution) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE chat_pool SET lock_execution_id = ?,"
                + " lock_lease_until = " + PoolJobLock.leaseEnd(dialect()) + " WHERE name = ? AND lock_job_name = ?"
                + " AND lock_node = ? AND (lock_execution_id IS NULL OR lock_execution_id = ?)")) {
            update.setLong(1, execution);
            update.setString(2, pool);
            update.setString(3, jobName);
            update.setString(4, NodeIdentity.current());
            update.setLong(5, execution);
            return update.executeUpdate() == 1;
        }
    }

    public void unlock(int poolId) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE chat_pool SET " + UNLOCKED + " WHERE id = ?")) {
            update.setInt(1, poolId);
            update.executeUpdate();
        }
    }

    public void unlockExecution(long execution) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE chat_pool SET " + UNLOCKED + " WHERE lock_execution_id = ?")) {
            update.setLong(1, execution);
            update.executeUpdate();
        }
    }

    /** Who holds a chat pool's lock, until when, and whether that lease ended (by the database's clock). */
    public record LockLease(String node, Instant leaseUntil, boolean expired, Instant lockedAt) {

        /** Locks taken before V85 have no node: their owner is gone once it locked before this JVM started. */
        public boolean ownerIsDead(Instant thisJvmStarted) {
            if (node == null) {
                return lockedAt != null && lockedAt.isBefore(thisJvmStarted);
            }
            return NodeIdentity.ownerIsDead(node, expired);
        }
    }

    public Optional<LockLease> lease(int poolId) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT lock_node, lock_lease_until, "
                + PoolJobLock.leaseExpired(dialect(), "lock_lease_until") + ", locked_at FROM chat_pool"
                + " WHERE id = ? AND lock_job_name IS NOT NULL")) {
            q.setInt(1, poolId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp until = rs.getTimestamp(2);
                Timestamp locked = rs.getTimestamp(4);
                return Optional.of(new LockLease(
                        rs.getString(1),
                        until == null ? null : until.toInstant(),
                        rs.getInt(3) == 1,
                        locked == null ? null : locked.toInstant()));
            }
        }
    }

    public List<ChatServer> servers(int poolId) throws SQLException {
        List<ChatServer> servers = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT cs.name, s.name, cs.active FROM chat_server cs"
                + " JOIN site s ON s.id = cs.site_id WHERE cs.chat_pool_id = ? ORDER BY cs.name")) {
            q.setInt(1, poolId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    servers.add(new ChatServer(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return servers;
    }

    public void addServer(int poolId, String name, String site, boolean active) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO chat_server (id, chat_pool_id, name,"
                        + " site_id, active) SELECT NEXT VALUE FOR sql_topology_seq, ?, ?, s.id, ? FROM site s WHERE s.name = ?")) {
            insert.setInt(1, poolId);
            insert.setString(2, name);
            insert.setBoolean(3, active);
            insert.setString(4, site);
            if (insert.executeUpdate() != 1) {
                throw new IllegalArgumentException("no site named " + site);
            }
        }
    }

    /** Exactly {@code names} become the active servers (none: the list is cleared). */
    public void setActiveServers(int poolId, List<String> names) throws SQLException {
        update("UPDATE chat_server SET active = 0 WHERE chat_pool_id = ?", poolId);
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE chat_server SET active = 1 WHERE chat_pool_id = ? AND name = ?")) {
            for (String name : names) {
                update.setInt(1, poolId);
                update.setString(2, name);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Whether two sites have a low-latency, high-bandwidth link (site_link holds each pair once, lower id first). */
    public boolean lowLatency(String siteA, String siteB) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT l.low_latency FROM site_link l"
                + " JOIN site a ON a.id = l.site_a JOIN site b ON b.id = l.site_b"
                + " WHERE (a.name = ? AND b.name = ?) OR (a.name = ? AND b.name = ?)")) {
            q.setString(1, siteA);
            q.setString(2, siteB);
            q.setString(3, siteB);
            q.setString(4, siteA);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The SQL instances of the given sites, by name: what a failback compares with what the failover saw. */
    public String instancesOfSites(String... sites) throws SQLException {
        List<String> seen = new ArrayList<>();
        for (InstanceRow row : topology.instances()) {
            for (String site : sites) {
                if (row.instance().site().equals(site)) {
                    seen.add(row.name().value() + "@" + site + "#" + row.id());
                }
            }
        }
        return String.join(",", seen);
    }

    public Optional<Integer> roomPool(String room) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT chat_pool_id FROM chat_room WHERE name = ?")) {
            q.setString(1, room);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** Registers a room in a pool; false when a room of that name exists. */
    public boolean addRoom(String room, int poolId) throws SQLException {
        if (roomPool(room).isPresent()) {
            return false;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO chat_room (name, chat_pool_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, room);
            insert.setInt(2, poolId);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return true;
    }

    public List<String> rooms(int poolId) throws SQLException {
        List<String> rooms = new ArrayList<>();
        try (PreparedStatement q =
                connection.prepareStatement("SELECT name FROM chat_room WHERE chat_pool_id = ? ORDER BY name")) {
            q.setInt(1, poolId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rooms.add(rs.getString(1));
                }
            }
        }
        return rooms;
    }

    private void update(String sql, Object first, Object second) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, first);
            update.setObject(2, second);
            update.executeUpdate();
        }
    }

    private void update(String sql, Object only) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, only);
            update.executeUpdate();
        }
    }
}
