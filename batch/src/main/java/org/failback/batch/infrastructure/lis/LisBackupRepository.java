package org.failback.batch.infrastructure.lis;

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
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.lis.LisBackupSchedule;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolNotFoundException;

/** LIS backup records and schedules in the product database (plain JDBC on the caller's connection). */
public final class LisBackupRepository {

    private static final String BACKUP_COLUMNS =
            "b.id, p.name, b.file_name, b.taken_at, b.bytes, b.checksum, b.row_counts, b.verified,"
                    + " b.verification, b.job_instance_id, b.job_execution_id";

    private final Connection c;

    public LisBackupRepository(Connection connection) {
        this.c = connection;
    }

    public Optional<Integer> poolId(PoolName pool) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM fe_pool WHERE name = ?")) {
            q.setString(1, pool.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    public int requirePool(PoolName pool) throws SQLException {
        return poolId(pool).orElseThrow(() -> new PoolNotFoundException(pool.value()));
    }

    public Optional<PoolName> backupPoolOf(PoolName pool) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT b.name FROM fe_pool p JOIN fe_pool b ON b.id = p.backup_pool_id WHERE p.name = ?")) {
            q.setString(1, pool.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(PoolName.of(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * A failover completed without restoring the pool's LIS backup: GET /api/pools/{pool} says so until a restore
     * clears it. Not the entity's version: the pool's state machine does not race with this flag.
     */
    public void markLisRestorePending(PoolName pool, String reason) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE fe_pool SET lis_restore_pending = 1, lis_restore_pending_reason = ? WHERE name = ?")) {
            update.setString(1, reason.length() > 512 ? reason.substring(0, 511) + "…" : reason);
            update.setString(2, pool.value());
            update.executeUpdate();
        }
    }

    public void clearLisRestorePending(PoolName pool) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE fe_pool SET lis_restore_pending = 0, lis_restore_pending_reason = NULL WHERE name = ?")) {
            update.setString(1, pool.value());
            update.executeUpdate();
        }
    }

    public long insert(PoolName pool, BackupResult result, Long jobInstanceId, Long jobExecutionId)
            throws SQLException {
        int poolId = requirePool(pool);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO lis_backup (pool_id, file_name, taken_at, bytes, checksum, row_counts,"
                        + " job_instance_id, job_execution_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"ID"})) {
            insert.setInt(1, poolId);
            insert.setString(2, result.file().fileName());
            insert.setTimestamp(3, Timestamp.from(result.takenAt()));
            insert.setLong(4, result.bytes());
            insert.setString(5, result.sha256());
            insert.setString(6, StoredBackup.encode(result.rowCounts()));
            setLong(insert, 7, jobInstanceId);
            setLong(insert, 8, jobExecutionId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public void recordVerification(long backupId, boolean verified, String verification) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE lis_backup SET verified = ?, verified_at = ?, verification = ? WHERE id = ?")) {
            update.setBoolean(1, verified);
            update.setTimestamp(2, verified ? Timestamp.from(Instant.now()) : null);
            update.setString(3, verification.length() > 2000 ? verification.substring(0, 2000) : verification);
            update.setLong(4, backupId);
            update.executeUpdate();
        }
    }

    public void attachExecution(long backupId, long jobExecutionId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE lis_backup SET job_execution_id = ? WHERE id = ?")) {
            update.setLong(1, jobExecutionId);
            update.setLong(2, backupId);
            update.executeUpdate();
        }
    }

    public Optional<StoredBackup> findByJobInstance(long jobInstanceId) throws SQLException {
        return one(
                "SELECT " + BACKUP_COLUMNS
                        + " FROM lis_backup b JOIN fe_pool p ON p.id = b.pool_id WHERE b.job_instance_id = ?"
                        + " ORDER BY b.id DESC OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY",
                q -> q.setLong(1, jobInstanceId));
    }

    public Optional<StoredBackup> latestVerified(PoolName pool) throws SQLException {
        return one(
                "SELECT " + BACKUP_COLUMNS
                        + " FROM lis_backup b JOIN fe_pool p ON p.id = b.pool_id WHERE p.name = ? AND b.verified"
                        + " ORDER BY b.taken_at DESC, b.id DESC OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY",
                q -> q.setString(1, pool.value()));
    }

    /** Newest first. */
    public List<StoredBackup> list(PoolName pool) throws SQLException {
        List<StoredBackup> all = new ArrayList<>();
        try (PreparedStatement q =
                c.prepareStatement("SELECT " + BACKUP_COLUMNS + " FROM lis_backup b JOIN fe_pool p ON p.id = b.pool_id"
                        + " WHERE p.name = ? ORDER BY b.taken_at DESC, b.id DESC")) {
            q.setString(1, pool.value());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
        }
        return all;
    }

    public void delete(long backupId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM lis_backup WHERE id = ?")) {
            delete.setLong(1, backupId);
            delete.executeUpdate();
        }
    }

    public Optional<LisBackupSchedule> schedule(PoolName pool) throws SQLException {
        try (PreparedStatement q =
                c.prepareStatement("SELECT s.every_minutes, s.keep_count, s.next_run_at FROM lis_backup_schedule s"
                        + " JOIN fe_pool p ON p.id = s.pool_id WHERE p.name = ?")) {
            q.setString(1, pool.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next()
                        ? Optional.of(new LisBackupSchedule(
                                pool.value(),
                                rs.getInt(1),
                                rs.getInt(2),
                                rs.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        }
    }

    public void saveSchedule(LisBackupSchedule schedule) throws SQLException {
        int poolId = requirePool(PoolName.of(schedule.pool()));
        Timestamp now = Timestamp.from(Instant.now());
        // Standard MERGE (H2 and SQL Server); only the key goes through USING, so no timestamp type needs a cast.
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO lis_backup_schedule t"
                + " USING (VALUES (CAST(? AS INT))) AS s (pool_id) ON t.pool_id = s.pool_id"
                + " WHEN MATCHED THEN UPDATE SET every_minutes = ?, keep_count = ?, next_run_at = ?, updated_at = ?"
                + " WHEN NOT MATCHED THEN INSERT (pool_id, every_minutes, keep_count, next_run_at, updated_at)"
                + " VALUES (s.pool_id, ?, ?, ?, ?);")) {
            merge.setInt(1, poolId);
            for (int first : new int[] {2, 6}) {
                merge.setInt(first, schedule.everyMinutes());
                merge.setInt(first + 1, schedule.keep());
                merge.setTimestamp(first + 2, Timestamp.from(schedule.nextRunAt()));
                merge.setTimestamp(first + 3, now);
            }
            merge.executeUpdate();
        }
    }

    /** Schedules whose next run is due. */
    public List<LisBackupSchedule> due(Instant now) throws SQLException {
        List<LisBackupSchedule> due = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT p.name, s.every_minutes, s.keep_count, s.next_run_at FROM lis_backup_schedule s"
                        + " JOIN fe_pool p ON p.id = s.pool_id WHERE s.next_run_at <= ? ORDER BY s.next_run_at")) {
            q.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    due.add(new LisBackupSchedule(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getInt(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return due;
    }

    /**
     * Moves a due schedule to its next run only if nobody did it first (compare-and-set on next_run_at), so two
     * nodes, or a tick racing a PUT, never start the same scheduled backup twice.
     */
    public boolean claim(LisBackupSchedule due, Instant next) throws SQLException {
        try (PreparedStatement update =
                c.prepareStatement("UPDATE lis_backup_schedule SET next_run_at = ? WHERE next_run_at = ?"
                        + " AND pool_id = (SELECT id FROM fe_pool WHERE name = ?)")) {
            update.setTimestamp(1, Timestamp.from(next));
            update.setTimestamp(2, Timestamp.from(due.nextRunAt()));
            update.setString(3, due.pool());
            return update.executeUpdate() == 1;
        }
    }

    public void scheduledExecution(PoolName pool, long jobExecutionId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE lis_backup_schedule SET last_job_execution_id = ?"
                + " WHERE pool_id = (SELECT id FROM fe_pool WHERE name = ?)")) {
            update.setLong(1, jobExecutionId);
            update.setString(2, pool.value());
            update.executeUpdate();
        }
    }

    private interface Binder {
        void bind(PreparedStatement q) throws SQLException;
    }

    private Optional<StoredBackup> one(String sql, Binder binder) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            binder.bind(q);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static StoredBackup read(ResultSet rs) throws SQLException {
        long instance = rs.getLong(10);
        Long jobInstance = rs.wasNull() ? null : instance;
        long execution = rs.getLong(11);
        Long jobExecution = rs.wasNull() ? null : execution;
        return new StoredBackup(
                rs.getLong(1),
                PoolName.of(rs.getString(2)),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getLong(5),
                rs.getString(6),
                StoredBackup.decode(rs.getString(7)),
                rs.getBoolean(8),
                rs.getString(9),
                jobInstance,
                jobExecution);
    }

    private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }
}
