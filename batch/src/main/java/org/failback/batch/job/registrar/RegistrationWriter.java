package org.failback.batch.job.registrar;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.jobs.StepCounts;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.Registration;
import org.failback.domain.registrar.RegistrationMode;
import org.failback.domain.registrar.UserTransition;

/**
 * Writes a chunk of user changes as one JDBC batch, in the chunk's transaction (which also holds the checkpoint).
 * Each update only applies if the user is still as read, and every applied change is recorded in user_transition,
 * so a re-processed user is never moved twice. A user who signed in or out since the read is re-read under a row
 * lock and the transition applied to what is there now. The chunk itself is recorded in the same transaction: the
 * step's exact count.
 */
@Named
public class RegistrationWriter extends AbstractItemWriter {

    private static final String UPDATE =
            "UPDATE registrar_user SET failback_status = ?, signed_in = ?, serving_pool_id = ?, mode = ?,"
                    + " error = NULL, updated_at = ?, version = version + 1 WHERE id = ? AND failback_status = ? AND signed_in = ?";

    @Inject
    @BatchProperty
    String transition;

    @Inject
    @BatchProperty
    String backupPoolId;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Override
    public void writeItems(List<Object> items) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        List<UserChange> applied = new ArrayList<>(items.size());
        try (Connection c = dataSource.getConnection()) {
            List<UserChange> changes =
                    items.stream().map(UserChange.class::cast).toList();
            int[] counts = update(c, changes, now);
            List<UserChange> raced = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    raced.add(changes.get(i));
                } else {
                    applied.add(changes.get(i));
                }
            }
            for (UserChange change : raced) {
                reapply(c, change, now).ifPresent(applied::add);
            }
            TransitionLog.record(c, job.getExecutionId(), applied, now);
            StepCounts.addChunk(c, job.getExecutionId(), step.getStepName(), items.size(), now);
        }
    }

    private static int[] update(Connection c, List<UserChange> changes, Timestamp now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (UserChange change : changes) {
                bind(update, change, now);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) {
                    counts[i] = 1;
                }
            }
            return counts;
        }
    }

    private java.util.Optional<UserChange> reapply(Connection c, UserChange change, Timestamp now) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT failback_status, signed_in, serving_pool_id, mode FROM registrar_user WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, change.before().userId());
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                int serving = rs.getInt(3);
                String mode = rs.getString(4);
                Registration current = new Registration(
                        change.before().userId(),
                        change.before().homePoolId(),
                        FailbackStatus.valueOf(rs.getString(1)),
                        rs.getBoolean(2),
                        rs.wasNull() ? null : serving,
                        mode == null ? null : RegistrationMode.valueOf(mode));
                Registration after = UserTransition.apply(transition, current, backupPoolId);
                if (after.equals(current)) {
                    return java.util.Optional.empty();
                }
                UserChange fresh = new UserChange(current, after, change.sip());
                try (PreparedStatement update = c.prepareStatement(UPDATE)) {
                    bind(update, fresh, now);
                    return update.executeUpdate() == 1 ? java.util.Optional.of(fresh) : java.util.Optional.empty();
                }
            }
        }
    }

    private static void bind(PreparedStatement update, UserChange change, Timestamp now) throws SQLException {
        Registration after = change.after();
        update.setString(1, after.status().name());
        update.setBoolean(2, after.signedIn());
        if (after.servingPoolId() == null) {
            update.setNull(3, Types.INTEGER);
        } else {
            update.setInt(3, after.servingPoolId());
        }
        update.setString(4, after.mode() == null ? null : after.mode().name());
        update.setTimestamp(5, now);
        update.setLong(6, after.userId());
        update.setString(7, change.before().status().name());
        update.setBoolean(8, change.before().signedIn());
    }
}
