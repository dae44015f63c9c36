package org.failback.testhooks;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.failback.domain.conferencing.ConferenceKind;
import org.failback.domain.conferencing.ConferenceService;
import org.failback.domain.registrar.SipUri;

/**
 * The failback benchmark's users on the backup pool (issue 19 item 1): after a failover, a share of a pool's users
 * signs in to the backup pool (regular mode: the failover completed), with the demo topology's presence and contacts,
 * and some of them in conferences and peer-to-peer sessions, so the failback that follows signs them out of the backup
 * pool and in to the home pool in resiliency mode, the case seed 000 is about. The users are the share of each
 * thousand ids, so the same share picks the same users on every engine. Reachable only through the test hooks.
 */
@ApplicationScoped
public class BackupPoolSignIns {

    /** Among the chosen users: the users whose id modulo 1,000 is below the share in thousandths. */
    private static final String CHOSEN = "home_pool_id = ? AND MOD(id, 1000) < ?";

    private static final int CONFERENCES = 10;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Inject
    ConferenceService conferences;

    /** Signs the share in; answers how many users of the pool are signed in now. */
    public long signIn(int poolId, int backupPoolId, double share) throws SQLException {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share is a fraction from 0 to 1, not " + share);
        }
        int thousandths = (int) Math.round(share * 1000);
        Timestamp now = Timestamp.from(Instant.now());
        List<String> signedIn;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement signIn = c.prepareStatement("UPDATE registrar_user SET signed_in = ?,"
                            + " serving_pool_id = ?, mode = 'REGULAR', updated_at = ?, version = version + 1 WHERE "
                            + CHOSEN + " AND signed_in = ?");
                    PreparedStatement presence = c.prepareStatement("UPDATE registrar_user SET presence_set = CASE"
                            + " MOD(id, 7) WHEN 0 THEN 'BUSY' WHEN 1 THEN 'AWAY' WHEN 2 THEN 'DO_NOT_DISTURB'"
                            + " ELSE 'AVAILABLE' END WHERE home_pool_id = ?");
                    // Each chosen user knows the next user of their pool, as the demo's neighbours do.
                    PreparedStatement contacts = c.prepareStatement(
                            "INSERT INTO contact (owner_id, contact_sip)"
                                    + " SELECT u.id, n.sip FROM registrar_user u JOIN registrar_user n ON n.id = u.id + 1"
                                    + " AND n.home_pool_id = u.home_pool_id WHERE u.home_pool_id = ? AND MOD(u.id, 1000) < ?"
                                    + " AND NOT EXISTS (SELECT 1 FROM contact k WHERE k.owner_id = u.id AND k.contact_sip = n.sip)")) {
                signIn.setBoolean(1, true);
                signIn.setInt(2, backupPoolId);
                signIn.setTimestamp(3, now);
                signIn.setInt(4, poolId);
                signIn.setInt(5, thousandths);
                signIn.setBoolean(6, false);
                signIn.executeUpdate();
                presence.setInt(1, poolId);
                presence.executeUpdate();
                contacts.setInt(1, poolId);
                contacts.setInt(2, thousandths);
                contacts.executeUpdate();
            }
            signedIn = signedIn(c, poolId, 4 * CONFERENCES);
        }
        // Through the product, on the backup pool, as clients would: ten conferences of three and ten p2p sessions.
        for (int i = 0; i + 3 < signedIn.size(); i += 4) {
            long id = conferences
                    .create(SipUri.of(signedIn.get(i)), i % 8 == 0 ? ConferenceKind.SCHEDULED : ConferenceKind.AD_HOC)
                    .id();
            conferences.join(id, SipUri.of(signedIn.get(i + 1)));
            conferences.join(id, SipUri.of(signedIn.get(i + 2)));
            conferences.startPeerToPeer(SipUri.of(signedIn.get(i + 3)), SipUri.of(signedIn.get(i + 1)));
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement count = c.prepareStatement(
                        "SELECT COUNT(*) FROM registrar_user WHERE home_pool_id = ? AND signed_in = ?")) {
            count.setInt(1, poolId);
            count.setBoolean(2, true);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> signedIn(Connection c, int poolId, int limit) throws SQLException {
        List<String> sips = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT sip FROM registrar_user WHERE home_pool_id = ?"
                + " AND signed_in = ? ORDER BY sip OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            query.setInt(1, poolId);
            query.setBoolean(2, true);
            query.setInt(3, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    sips.add(rs.getString(1));
                }
            }
        }
        return sips;
    }
}
