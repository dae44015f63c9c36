package org.failback.testhooks;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The baselines the failback benchmark compares the real job against, run in the same server on the same rows:
 * a hand-written plain-JDBC keyset loop and set-based UPDATEs, each making the job's changes: one write per user,
 * ON_BACKUP → MOVED with the transition audit, the signed-in users signed in to the home pool in resiliency mode (DONE
 * follows from the pool's completion, as in the job). Reachable only through the test hooks.
 */
@ApplicationScoped
public class FailbackBaselines {

    private static final int PAGE = 1000;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** Puts a failed-back pool back to "failed over and repaired", every user ON_BACKUP, for the next measurement. */
    public void resetToFailedOver(int poolId, int backupPoolId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement users = c.prepareStatement(
                        "UPDATE registrar_user SET failback_status = 'ON_BACKUP',"
                                + " serving_pool_id = CASE WHEN signed_in THEN ? END, mode = CASE WHEN signed_in THEN 'REGULAR' END WHERE home_pool_id = ?");
                PreparedStatement pool =
                        c.prepareStatement("UPDATE fe_pool SET state = 'FAILED_OVER', repaired = TRUE WHERE id = ?")) {
            users.setInt(1, backupPoolId);
            users.setInt(2, poolId);
            users.executeUpdate();
            pool.setInt(1, poolId);
            pool.executeUpdate();
        }
    }

    /** Seconds the keyset loop takes: pages of 1,000 by SIP (as the job reads), one JDBC batch of per-row updates and audit rows, commit per page. */
    public double keysetLoop(int poolId) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            pass(c, poolId, "ON_BACKUP", "MOVED", "RESILIENCY");
            completeFailback(c, poolId);
            c.commit();
            c.setAutoCommit(true);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Seconds the set-based statements take. */
    public double setBased(int poolId) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            setBasedPass(c, poolId, "ON_BACKUP", "MOVED", "RESILIENCY");
            completeFailback(c, poolId);
            c.commit();
            c.setAutoCommit(true);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The job's last step: the pool is NORMAL, which makes every user it moved DONE, in regular mode. */
    private static void completeFailback(Connection c, int poolId) throws SQLException {
        try (PreparedStatement pool =
                c.prepareStatement("UPDATE fe_pool SET state = 'NORMAL', repaired = FALSE WHERE id = ?")) {
            pool.setInt(1, poolId);
            pool.executeUpdate();
        }
    }

    private static void pass(Connection c, int poolId, String from, String to, String mode) throws SQLException {
        String last = "";
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement page =
                        c.prepareStatement("SELECT id, signed_in, sip FROM registrar_user WHERE home_pool_id = ?"
                                + " AND failback_status = ? AND sip > ? ORDER BY home_pool_id, failback_status, sip FETCH FIRST "
                                + PAGE + " ROWS ONLY");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE registrar_user SET failback_status = ?, serving_pool_id = ?,"
                                + " mode = ?, updated_at = ?, version = version + 1 WHERE id = ? AND failback_status = ?");
                PreparedStatement audit = c.prepareStatement(
                        "INSERT INTO user_transition (user_id, pool_id, job_execution_id, from_status, to_status, at) VALUES (?, ?, 0, ?, ?, ?)")) {
            while (true) {
                page.setInt(1, poolId);
                page.setString(2, from);
                page.setString(3, last);
                List<long[]> rows = new ArrayList<>(PAGE);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0});
                        last = rs.getString(3);
                    }
                }
                if (rows.isEmpty()) {
                    return;
                }
                for (long[] row : rows) {
                    boolean signedIn = row[1] == 1;
                    update.setString(1, to);
                    if (signedIn) {
                        update.setInt(2, poolId);
                        update.setString(3, mode);
                    } else {
                        update.setNull(2, java.sql.Types.INTEGER);
                        update.setNull(3, java.sql.Types.VARCHAR);
                    }
                    update.setTimestamp(4, now);
                    update.setLong(5, row[0]);
                    update.setString(6, from);
                    update.addBatch();
                    audit.setLong(1, row[0]);
                    audit.setInt(2, poolId);
                    audit.setString(3, from);
                    audit.setString(4, to);
                    audit.setTimestamp(5, now);
                    audit.addBatch();
                }
                update.executeBatch();
                audit.executeBatch();
                c.commit();
            }
        }
    }

    private static void setBasedPass(Connection c, int poolId, String from, String to, String mode)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement audit = c.prepareStatement(
                        "INSERT INTO user_transition (user_id, pool_id, job_execution_id, from_status, to_status, at)"
                                + " SELECT id, home_pool_id, 0, failback_status, ?, ? FROM registrar_user WHERE home_pool_id = ? AND failback_status = ?");
                PreparedStatement update = c.prepareStatement("UPDATE registrar_user SET failback_status = ?,"
                        + " serving_pool_id = CASE WHEN signed_in THEN home_pool_id END, mode = CASE WHEN signed_in THEN ? END,"
                        + " updated_at = ?, version = version + 1 WHERE home_pool_id = ? AND failback_status = ?")) {
            audit.setString(1, to);
            audit.setTimestamp(2, now);
            audit.setInt(3, poolId);
            audit.setString(4, from);
            audit.executeUpdate();
            update.setString(1, to);
            update.setString(2, mode);
            update.setTimestamp(3, now);
            update.setInt(4, poolId);
            update.setString(5, from);
            update.executeUpdate();
        }
    }
}
