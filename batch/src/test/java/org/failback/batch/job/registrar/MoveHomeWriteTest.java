package org.failback.batch.job.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.batch.infrastructure.pool.TopologyWriter;
import org.failback.domain.pool.PoolName;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.Registration;
import org.failback.domain.registrar.RegistrationMode;
import org.failback.domain.registrar.UserTransition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the failback writer does beside moving a user, on the real schema (Flyway migrations, H2): the conferences the
 * moved users organise end, and the presence kept for other pools is let go only when their failback is done.
 */
@DisplayName("Seed 000: the failback writer, on the product schema")
class MoveHomeWriteTest {

    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-12-03T08:00:00Z"));

    @TempDir
    Path dir;

    private Connection c;
    private int home;
    private int backup;

    @BeforeEach
    void topology() throws SQLException {
        c = MigratedProductDatabase.at(dir.resolve("db")).getConnection();
        TopologyWriter writer = new TopologyWriter(c);
        home = writer.createPool(PoolName.of("fe-a"), writer.createSite(PoolName.of("dc-a")), 120);
        backup = writer.createPool(PoolName.of("fe-b"), writer.createSite(PoolName.of("dc-b")), 120);
        writer.pair(home, backup);
        writer.pair(backup, home);
        writer.addUsers(home, PoolName.of("fe-a"), 3);
        writer.addUsers(backup, PoolName.of("fe-b"), 1);
        execute("UPDATE registrar_user SET failback_status = 'ON_BACKUP', signed_in = TRUE, serving_pool_id = " + backup
                + ", mode = 'REGULAR' WHERE home_pool_id = " + home);
        execute("UPDATE registrar_user SET signed_in = TRUE, serving_pool_id = " + backup
                + ", mode = 'REGULAR' WHERE home_pool_id = " + backup);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    @DisplayName("Ongoing conferences organized by affected user, during failback: \"All modalities of conference are"
            + " terminated. Rejoin button will appear\" — also one created on the backup pool after the failback began,"
            + " at the latest when its organiser is moved home")
    void conferenceCreatedDuringFailbackIsTerminatedWhenItsOrganiserIsMovedHome() throws SQLException {
        long organiser = userId("sip:user00001@fe-a.example.com");
        long notYetMoved = userId("sip:user00002@fe-a.example.com");
        long affectedGuest = userId("sip:user00003@fe-a.example.com");
        long unaffected = userId("sip:user00001@fe-b.example.com");
        conference(100, organiser, unaffected, affectedGuest);
        conference(101, notYetMoved, unaffected);
        conference(102, unaffected, affectedGuest);

        RegistrationWriter.endConferencesOrganisedBy(c, List.of(moved(organiser), moved(affectedGuest)), NOW);

        assertEquals("TERMINATED true []", conference(100));
        assertEquals(
                "ACTIVE false [" + notYetMoved + ", " + unaffected + "]", conference(101), "organiser not moved yet");
        assertEquals(
                "ACTIVE false [" + affectedGuest + ", " + unaffected + "]",
                conference(102),
                "Ongoing conferences organized by unaffected user: \"affected user can stay in the conference\"");
    }

    @Test
    @DisplayName("Presence during failback: the state kept for other pools stays while the user is moved home (the"
            + " pool's completion stops it being read, \"after failback completion ... unaffected users see updates\")"
            + " and the next failover lets it go, so that failback keeps the state set when it begins")
    void presenceKeptForOtherPoolsStaysThroughTheMoveAndTheNextFailoverLetsItGo() throws SQLException {
        long user = userId("sip:user00001@fe-a.example.com");
        execute("UPDATE registrar_user SET presence_before_failback = 'BUSY', presence_set = 'AWAY' WHERE id = "
                + user);
        UserChange move = moved(user);
        RegistrationWriter.update(c, RegistrationWriter.updateStatement(UserTransition.MOVE_HOME), List.of(move), NOW);
        assertEquals("MOVED BUSY", statusAndKeptPresence(user));

        Registration failedOver = move.after().failedOverTo(backup);
        RegistrationWriter.update(
                c,
                RegistrationWriter.updateStatement(UserTransition.FAIL_OVER),
                List.of(new UserChange(move.after(), failedOver, "sip:user00001@fe-a.example.com")),
                NOW);
        assertEquals("ON_BACKUP null", statusAndKeptPresence(user));
    }

    private UserChange moved(long userId) {
        Registration before =
                new Registration(userId, home, FailbackStatus.ON_BACKUP, true, backup, RegistrationMode.REGULAR);
        return new UserChange(before, before.movedHome(), "user " + userId);
    }

    private void conference(long id, long organiser, long... guests) throws SQLException {
        execute("INSERT INTO conference (id, organizer_id, kind, state) VALUES (" + id + ", " + organiser
                + ", 'AD_HOC', 'ACTIVE')");
        execute("INSERT INTO conference_participant (conference_id, user_id) VALUES (" + id + ", " + organiser + ")");
        for (long guest : guests) {
            execute("INSERT INTO conference_participant (conference_id, user_id) VALUES (" + id + ", " + guest + ")");
        }
    }

    /** "STATE rejoinAllowed [participants in id order]". */
    private String conference(long id) throws SQLException {
        String head;
        try (ResultSet rs =
                c.createStatement().executeQuery("SELECT state, rejoin_allowed FROM conference WHERE id = " + id)) {
            rs.next();
            head = rs.getString(1) + " " + rs.getBoolean(2);
        }
        List<Long> participants = new ArrayList<>();
        try (ResultSet rs = c.createStatement()
                .executeQuery("SELECT user_id FROM conference_participant WHERE conference_id = " + id
                        + " ORDER BY user_id")) {
            while (rs.next()) {
                participants.add(rs.getLong(1));
            }
        }
        return head + " " + participants;
    }

    private String statusAndKeptPresence(long user) throws SQLException {
        try (ResultSet rs = c.createStatement()
                .executeQuery(
                        "SELECT failback_status, presence_before_failback FROM registrar_user WHERE id = " + user)) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }

    private long userId(String sip) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM registrar_user WHERE sip = ?")) {
            q.setString(1, sip);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
