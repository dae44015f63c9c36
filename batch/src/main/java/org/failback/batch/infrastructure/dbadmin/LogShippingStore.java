package org.failback.batch.infrastructure.dbadmin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingMethod;
import org.failback.domain.dbadmin.LogShippingSchedule;
import org.failback.domain.dbadmin.LogShippingStatus;

/** Log-shipping configurations and every file they shipped (tables log_shipping, log_shipping_file). */
public class LogShippingStore {

    private static final String CONFIG_SELECT = "SELECT ls.id, pi.name, si.name, pd.name, sd.name, ls.share_path,"
            + " ls.method, ls.every_minutes, ls.backup_threshold_minutes, ls.restore_threshold_minutes,"
            + " ls.next_run_at, ls.configured_at, pd.chat_pool_id, cp.name, ls.managed_by"
            + " FROM log_shipping ls"
            + " JOIN managed_database pd ON pd.id = ls.primary_database_id"
            + " JOIN managed_database sd ON sd.id = ls.secondary_database_id"
            + " JOIN sql_instance pi ON pi.id = pd.instance_id"
            + " JOIN sql_instance si ON si.id = sd.instance_id"
            + " LEFT JOIN chat_pool cp ON cp.id = pd.chat_pool_id";

    private final Connection connection;

    public LogShippingStore(Connection connection) {
        this.connection = connection;
    }

    /** One configuration: {@code database} on {@code primary} shipped to {@code secondaryDatabase} on {@code secondary}. */
    public record Config(
            int id,
            InstanceName primary,
            InstanceName secondary,
            DatabaseName database,
            DatabaseName secondaryDatabase,
            String sharePath,
            LogShippingMethod method,
            LogShippingSchedule schedule,
            Instant nextRunAt,
            Instant configuredAt,
            String chatPool,
            boolean byAgent) {}

    /** One shipped file, in order; a null time means that step is not done yet. */
    public record ShippedFile(
            long id,
            int logShippingId,
            long seq,
            String fileName,
            long bytes,
            String sha256,
            Instant backedUpAt,
            Instant copiedAt,
            Instant restoredAt,
            Long jobInstanceId) {}

    /** Creates or updates (same primary and secondary database) a configuration: re-configuring is idempotent. */
    public int configure(
            int primaryDatabaseId,
            int secondaryDatabaseId,
            String sharePath,
            LogShippingMethod method,
            LogShippingSchedule schedule,
            boolean byAgent,
            Instant now)
            throws SQLException {
        Optional<Integer> existing = Optional.empty();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT id FROM log_shipping WHERE primary_database_id = ? AND secondary_database_id = ?")) {
            q.setInt(1, primaryDatabaseId);
            q.setInt(2, secondaryDatabaseId);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    existing = Optional.of(rs.getInt(1));
                }
            }
        }
        if (existing.isPresent()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE log_shipping SET share_path = ?,"
                    + " method = ?, every_minutes = ?, backup_threshold_minutes = ?, restore_threshold_minutes = ?,"
                    + " managed_by = ? WHERE id = ?")) {
                update.setString(1, sharePath);
                update.setString(2, method.name());
                update.setInt(3, schedule.everyMinutes());
                update.setInt(4, schedule.backupThresholdMinutes());
                update.setInt(5, schedule.restoreThresholdMinutes());
                update.setString(6, byAgent ? "AGENT" : "PRODUCT");
                update.setInt(7, existing.get());
                update.executeUpdate();
            }
            return existing.get();
        }
        int id;
        try (PreparedStatement next = connection.prepareStatement("SELECT NEXT VALUE FOR sql_topology_seq");
                ResultSet rs = next.executeQuery()) {
            rs.next();
            id = rs.getInt(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_shipping (id,"
                + " primary_database_id, secondary_database_id, share_path, method, every_minutes,"
                + " backup_threshold_minutes, restore_threshold_minutes, next_run_at, configured_at, managed_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setInt(2, primaryDatabaseId);
            insert.setInt(3, secondaryDatabaseId);
            insert.setString(4, sharePath);
            insert.setString(5, method.name());
            insert.setInt(6, schedule.everyMinutes());
            insert.setInt(7, schedule.backupThresholdMinutes());
            insert.setInt(8, schedule.restoreThresholdMinutes());
            insert.setTimestamp(9, Timestamp.from(now.plusSeconds(60L * schedule.everyMinutes())));
            insert.setTimestamp(10, Timestamp.from(now));
            insert.setString(11, byAgent ? "AGENT" : "PRODUCT");
            insert.executeUpdate();
        }
        return id;
    }

    public List<Config> ofChatPool(String chatPool) throws SQLException {
        return configs(" WHERE cp.name = ? ORDER BY ls.id", chatPool);
    }

    public List<Config> all() throws SQLException {
        return configs(" ORDER BY ls.id", null);
    }

    /** Configurations whose next round is due. */
    public List<Config> due(Instant now) throws SQLException {
        return configs(" WHERE ls.next_run_at <= ? AND ls.removed_at IS NULL ORDER BY ls.id", Timestamp.from(now));
    }

    /**
     * Failover (Lync's runbook): the secondary's configuration of every database of the chat pool is removed; the
     * rows and their files stay as history, and no round is due any more. Idempotent; answers how many it removed.
     */
    public int remove(String chatPool, Instant at) throws SQLException {
        return setRemoved(chatPool, Timestamp.from(at));
    }

    /** Failback's reprotect: the chat pool's configurations ship again. */
    public int reinstate(String chatPool) throws SQLException {
        return setRemoved(chatPool, null);
    }

    /** Whether the chat pool's log shipping was removed by a failover and not yet put back. */
    public boolean removed(String chatPool) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM log_shipping ls"
                + " JOIN managed_database pd ON pd.id = ls.primary_database_id"
                + " JOIN chat_pool cp ON cp.id = pd.chat_pool_id WHERE cp.name = ? AND ls.removed_at IS NOT NULL")) {
            q.setString(1, chatPool);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private int setRemoved(String chatPool, Timestamp at) throws SQLException {
        int changed = 0;
        for (Config config : ofChatPool(chatPool)) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE log_shipping SET removed_at = ?"
                    + " WHERE id = ? AND " + (at == null ? "removed_at IS NOT NULL" : "removed_at IS NULL"))) {
                update.setTimestamp(1, at);
                update.setInt(2, config.id());
                changed += update.executeUpdate();
            }
        }
        return changed;
    }

    /** Moves a due configuration to its next run; false when another node claimed it first. */
    public boolean claim(Config config, Instant next) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE log_shipping SET next_run_at = ? WHERE id = ? AND next_run_at = ?")) {
            update.setTimestamp(1, Timestamp.from(next));
            update.setInt(2, config.id());
            update.setTimestamp(3, Timestamp.from(config.nextRunAt()));
            return update.executeUpdate() == 1;
        }
    }

    /** Sets schedule and thresholds of every configuration of a chat pool; the next round moves accordingly. */
    public int schedule(String chatPool, LogShippingSchedule schedule, Instant now) throws SQLException {
        int changed = 0;
        for (Config config : ofChatPool(chatPool)) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE log_shipping SET every_minutes = ?,"
                    + " backup_threshold_minutes = ?, restore_threshold_minutes = ?, next_run_at = ? WHERE id = ?")) {
                update.setInt(1, schedule.everyMinutes());
                update.setInt(2, schedule.backupThresholdMinutes());
                update.setInt(3, schedule.restoreThresholdMinutes());
                update.setTimestamp(4, Timestamp.from(now.plusSeconds(60L * schedule.everyMinutes())));
                update.setInt(5, config.id());
                changed += update.executeUpdate();
            }
        }
        return changed;
    }

    private List<Config> configs(String where, Object value) throws SQLException {
        List<Config> configs = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(CONFIG_SELECT + where)) {
            if (value != null) {
                q.setObject(1, value);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    configs.add(new Config(
                            rs.getInt(1),
                            InstanceName.of(rs.getString(2)),
                            InstanceName.of(rs.getString(3)),
                            DatabaseName.of(rs.getString(4)),
                            DatabaseName.of(rs.getString(5)),
                            rs.getString(6),
                            LogShippingMethod.valueOf(rs.getString(7)),
                            new LogShippingSchedule(rs.getInt(8), rs.getInt(9), rs.getInt(10)),
                            rs.getTimestamp(11).toInstant(),
                            rs.getTimestamp(12).toInstant(),
                            rs.getString(14),
                            "AGENT".equals(rs.getString(15))));
                }
            }
        }
        return configs;
    }

    public List<ShippedFile> files(int logShippingId) throws SQLException {
        List<ShippedFile> files = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT id, log_shipping_id, seq, file_name, bytes,"
                + " sha256, backed_up_at, copied_at, restored_at, job_instance_id FROM log_shipping_file"
                + " WHERE log_shipping_id = ? ORDER BY seq")) {
            q.setInt(1, logShippingId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long instance = rs.getLong(10);
                    boolean noInstance = rs.wasNull();
                    files.add(new ShippedFile(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getString(6),
                            instant(rs.getTimestamp(7)),
                            instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)),
                            noInstance ? null : instance));
                }
            }
        }
        return files;
    }

    public long nextSeq(int logShippingId) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM log_shipping_file WHERE log_shipping_id = ?")) {
            q.setInt(1, logShippingId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void recordBackup(
            int logShippingId,
            long seq,
            String fileName,
            long bytes,
            String sha256,
            Instant at,
            Long jobInstanceId,
            Long jobExecutionId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_shipping_file (log_shipping_id,"
                + " seq, file_name, bytes, sha256, backed_up_at, job_instance_id, job_execution_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, logShippingId);
            insert.setLong(2, seq);
            insert.setString(3, fileName);
            insert.setLong(4, bytes);
            insert.setString(5, sha256);
            insert.setTimestamp(6, Timestamp.from(at));
            setLong(insert, 7, jobInstanceId);
            setLong(insert, 8, jobExecutionId);
            insert.executeUpdate();
        }
    }

    public void markCopied(long fileId, Instant at) throws SQLException {
        mark("copied_at", fileId, at);
    }

    public void markRestored(long fileId, Instant at) throws SQLException {
        mark("restored_at", fileId, at);
    }

    private void mark(String column, long fileId, Instant at) throws SQLException {
        // The column is one of two constants above, never input.
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE log_shipping_file SET " + column + " = ? WHERE id = ? AND " + column + " IS NULL")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setLong(2, fileId);
            update.executeUpdate();
        }
    }

    /** The monitor of one configuration, from its files. */
    public LogShippingStatus status(Config config) throws SQLException {
        Instant lastBackup = null;
        Instant lastCopy = null;
        Instant lastRestore = null;
        String lastRestoredFile = null;
        for (ShippedFile f : files(config.id())) {
            lastBackup = later(lastBackup, f.backedUpAt());
            lastCopy = later(lastCopy, f.copiedAt());
            if (f.restoredAt() != null) {
                lastRestore = later(lastRestore, f.restoredAt());
                lastRestoredFile = f.fileName();
            }
        }
        return new LogShippingStatus(
                config.primary(),
                config.secondary(),
                config.database(),
                lastBackup,
                lastCopy,
                lastRestore,
                lastRestoredFile,
                config.schedule().backupThresholdMinutes(),
                config.schedule().restoreThresholdMinutes(),
                config.method(),
                config.configuredAt());
    }

    public void lastJob(String chatPool, long jobExecutionId) throws SQLException {
        for (Config config : ofChatPool(chatPool)) {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE log_shipping SET last_job_execution_id = ? WHERE id = ?")) {
                update.setLong(1, jobExecutionId);
                update.setInt(2, config.id());
                update.executeUpdate();
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }
}
