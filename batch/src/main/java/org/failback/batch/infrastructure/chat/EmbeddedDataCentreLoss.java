package org.failback.batch.infrastructure.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.failback.batch.infrastructure.dbadmin.H2DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;

/**
 * The loss of an embedded instance's databases in a data-centre outage, made real: each database is shut down (its
 * last commits are on disk: the chat databases run with WRITE_DELAY=0) and its folder moved to {@code
 * <instance>/lost/<time>/}, kept for inspection, never used again. What the log-shipping share holds is untouched.
 */
public final class EmbeddedDataCentreLoss {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private EmbeddedDataCentreLoss() {}

    public static void lose(Path databasesRoot, List<DatabaseName> databases, Instant at) {
        Path lost = databasesRoot.resolveSibling("lost").resolve(STAMP.format(at));
        H2DatabaseAdministration h2 = new H2DatabaseAdministration(databasesRoot, null, null);
        for (DatabaseName db : databases) {
            Path folder = databasesRoot.resolve(db.value());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Connection c = DriverManager.getConnection(h2.url(db, true), "sa", "");
                    Statement st = c.createStatement()) {
                st.execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException closedAlready) {
                // SHUTDOWN ends the connection with an error on some versions; the database is closed either way.
            }
            try {
                Files.createDirectories(lost);
                Files.move(folder, lost.resolve(db.value()), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take " + folder + " away: " + e.getMessage(), e);
            }
        }
    }
}
