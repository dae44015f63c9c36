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
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.engine.SqlDialect;
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

    /**
     * The same, for a failover: a presence kept for other pools by an earlier failback is let go (once that failback
     * completed it is not read any more, {@link org.failback.domain.registrar.FailbackStatus}), so the next failback
     * keeps the state set when it begins.
     */
    private static final String UPDATE_RELEASING_PRESENCE =
            UPDATE.replace("error = NULL,", "error = NULL, presence_before_failback = NULL,");

    /** Organisers per statement: placeholders stay far below any engine's parameter limit (SQL Server: 2,100). */
    private static final int ORGANISERS_PER_STATEMENT = 500;

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
            if (UserTransition.valueOf(transition) == UserTransition.MOVE_HOME) {
                endConferencesOrganisedBy(c, applied, now);
            }
            TransitionLog.record(c, job.getExecutionId(), applied, now);
            StepCounts.addChunk(c, job.getExecutionId(), step.getStepName(), items.size(), now);
        }
    }

    /**
     * Seed 000: conferences an affected user organises are terminated during failback, rejoin offered. Those active at
     * begin-failback end there; one the user created on the backup pool after it ends here, as the user is moved, in
     * the chunk's transaction. Two statements per 500 users: the organiser index finds the (rare) conferences.
     */
    static void endConferencesOrganisedBy(Connection c, List<UserChange> moved, Timestamp now) throws SQLException {
        for (int from = 0; from < moved.size(); from += ORGANISERS_PER_STATEMENT) {
            List<UserChange> slice = moved.subList(from, Math.min(moved.size(), from + ORGANISERS_PER_STATEMENT));
            // Only placeholders are added to the text, one per organiser.
            String organisers = String.join(",", Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement participants = c.prepareStatement(
                            "DELETE FROM conference_participant WHERE conference_id IN (SELECT id FROM conference"
                                    + " WHERE state = 'ACTIVE' AND organizer_id IN (" + organisers + "))");
                    PreparedStatement conferences = c.prepareStatement("UPDATE conference SET state = 'TERMINATED',"
                            + " rejoin_allowed = 1, terminated_at = ?, version = version + 1"
                            + " WHERE state = 'ACTIVE' AND organizer_id IN (" + organisers + ")")) {
                conferences.setTimestamp(1, now);
                for (int i = 0; i < slice.size(); i++) {
                    long organiser = slice.get(i).after().userId();
                    participants.setLong(i + 1, organiser);
                    conferences.setLong(i + 2, organiser);
                }
                participants.executeUpdate();
                conferences.executeUpdate();
            }
        }
    }

    /** Moving home keeps the presence held for other pools until the pool's failback completes; failover lets it go. */
    static String updateStatement(UserTransition transition) {
        return transition == UserTransition.MOVE_HOME ? UPDATE : UPDATE_RELEASING_PRESENCE;
    }

    private String updateStatement() {
        return updateStatement(UserTransition.valueOf(transition));
    }

    private int[] update(Connection c, List<UserChange> changes, Timestamp now) throws SQLException {
        return update(c, updateStatement(), changes, now);
    }

    static int[] update(Connection c, String statement, List<UserChange> changes, Timestamp now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(statement)) {
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
        try (PreparedStatement lock = c.prepareStatement(SqlDialect.of(c)
                .lockingSelect("failback_status, signed_in, serving_pool_id, mode", "registrar_user", "id = ?"))) {
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
                try (PreparedStatement update = c.prepareStatement(updateStatement())) {
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
