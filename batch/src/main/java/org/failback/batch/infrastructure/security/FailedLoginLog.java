package org.failback.batch.infrastructure.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** The audit trail of failed logins (table {@code failed_login}) that operators read on the dashboard. */
public class FailedLoginLog {

    private static final Logger LOG = Logger.getLogger(FailedLoginLog.class.getName());
    private static final String DATA_SOURCE = "java:jboss/datasources/FailbackDS";

    /** One failed login: the account as typed (cut, control characters shown as '?'), where from, when, how. */
    public record FailedLogin(String account, String source, String channel, Instant at) {}

    public void record(String account, String source, String channel, Instant at) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO failed_login (account, source, channel, failed_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, printable(account));
            insert.setString(2, source);
            insert.setString(3, channel);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        } catch (SQLException | NamingException e) {
            // The server log line was written already; the trail must not turn a refused login into a 500.
            LOG.log(Level.WARNING, "cannot record a failed login in the audit trail: " + e.getMessage());
        }
    }

    public List<FailedLogin> latest(int limit) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT account, source, channel, failed_at FROM failed_login ORDER BY id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
            query.setInt(1, limit);
            List<FailedLogin> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new FailedLogin(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return rows;
        } catch (SQLException | NamingException e) {
            throw new IllegalStateException("cannot read failed logins: " + e.getMessage(), e);
        }
    }

    /** What a log line or the page may show of a name an attacker typed: no line breaks, at most 64 characters. */
    public static String printable(String account) {
        String shown = account.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
    }

    private static DataSource dataSource() throws NamingException {
        return (DataSource) new InitialContext().lookup(DATA_SOURCE);
    }
}
