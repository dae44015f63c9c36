package org.failback.batch.infrastructure.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The full backups a failback took (chat_failback_backup), per job instance and database. */
public class FailbackBackupStore {

    private final Connection connection;

    public FailbackBackupStore(Connection connection) {
        this.connection = connection;
    }

    public record Backup(
            long id,
            String database,
            String filePath,
            String fileName,
            long bytes,
            String sha256,
            String rowCounts,
            Instant takenAt) {}

    /** The newest backup of {@code database} this job instance took that was not discarded. */
    public Optional<Backup> current(int poolId, long jobInstanceId, String database) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT id, database_name, file_path, file_name, bytes,"
                + " sha256, row_counts, taken_at FROM chat_failback_backup WHERE chat_pool_id = ?"
                + " AND job_instance_id = ? AND database_name = ? AND discarded_at IS NULL ORDER BY id DESC")) {
            q.setInt(1, poolId);
            q.setLong(2, jobInstanceId);
            q.setString(3, database);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Backup(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()));
            }
        }
    }

    /** How many backups of {@code database} this job instance took, discarded ones included (names the next). */
    public int taken(int poolId, long jobInstanceId, String database) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM chat_failback_backup"
                + " WHERE chat_pool_id = ? AND job_instance_id = ? AND database_name = ?")) {
            q.setInt(1, poolId);
            q.setLong(2, jobInstanceId);
            q.setString(3, database);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public void record(int poolId, long jobInstanceId, Backup b) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_failback_backup (chat_pool_id,"
                + " job_instance_id, database_name, file_path, file_name, bytes, sha256, row_counts, taken_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, poolId);
            insert.setLong(2, jobInstanceId);
            insert.setString(3, b.database());
            insert.setString(4, b.filePath());
            insert.setString(5, b.fileName());
            insert.setLong(6, b.bytes());
            insert.setString(7, b.sha256());
            insert.setString(8, b.rowCounts());
            insert.setTimestamp(9, Timestamp.from(b.takenAt()));
            insert.executeUpdate();
        }
    }

    public void discard(long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE chat_failback_backup SET discarded_at = ? WHERE id = ? AND discarded_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(Instant.now()));
            update.setLong(2, id);
            update.executeUpdate();
        }
    }
}
