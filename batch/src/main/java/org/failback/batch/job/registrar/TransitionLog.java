package org.failback.batch.job.registrar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** The audit of per-user status changes (user, execution, from → to, time) that proves exactly-once. */
final class TransitionLog {

    private TransitionLog() {}

    static void record(Connection c, long jobExecutionId, List<UserChange> changes, Timestamp at) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO user_transition (user_id, pool_id, job_execution_id, from_status, to_status, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (UserChange change : changes) {
                insert.setLong(1, change.before().userId());
                insert.setInt(2, change.before().homePoolId());
                insert.setLong(3, jobExecutionId);
                insert.setString(4, change.before().status().name());
                insert.setString(5, change.after().status().name());
                insert.setTimestamp(6, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
