import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Grows the demo chat pool's mgc on its backup instance (sql-dc2) to MB megabytes of messages, and its mgccomp with the
 * same messages, straight in the H2 files while the server is stopped (posting 1 GB through the API takes far longer
 * than the failback it prepares). The rows are the ones a post leaves once it is answered: in mgc the room, the
 * sender, the text, the time and compliance_done TRUE under the next identity value; in mgccomp the same row under the
 * same id. The identity is not moved here: the failover's recover step aligns it above every id mgc and mgccomp hold,
 * as it does after any restore, and ./bench.sh pchat-failback then posts through the API and reads back in order.
 * Only the backup is grown: the outage takes the primary's databases away before anything reads them, and the failback
 * backs up and restores the backup's. Not a test.
 * Usage (H2 of the product's version on the class path): java bench/ChatMgcLoad.java DATA_DIR MB ROOM SENDER
 */
public class ChatMgcLoad {

    /** Rows per statement: one INSERT … SELECT holds its undo log in memory until it commits. */
    private static final int BATCH = 5_000;

    public static void main(String[] args) throws Exception {
        Path databases = Path.of(args[0]).resolve("instances/sql-dc2/databases");
        long megabytes = Long.parseLong(args[1]);
        String room = args[2];
        String sender = args[3];
        long start = System.nanoTime();
        try (Connection mgc = open(databases, "mgc");
                Connection comp = open(databases, "mgccomp");
                Statement m = mgc.createStatement()) {
            long first = Math.max(next(mgc, "chat_message"), next(comp, "compliance_message"));
            long last = first - 1;
            // Random text: a compressible payload would flatter the zipped backup the failback takes. Grown until the
            // file holds MB megabytes, measured after each batch is written out.
            try (PreparedStatement insert = mgc.prepareStatement(
                    "INSERT INTO chat_message (id, room, sender, text, posted_at, compliance_done)"
                            + " SELECT X, ?, ?, RAWTOHEX(SECURE_RAND(1900)), CURRENT_TIMESTAMP, TRUE"
                            + " FROM SYSTEM_RANGE(?, ?)")) {
                while (size(databases, "mgc") < megabytes * 1_000_000) {
                    insert.setString(1, room);
                    insert.setString(2, sender);
                    insert.setLong(3, last + 1);
                    insert.setLong(4, last + BATCH);
                    insert.executeUpdate();
                    last += BATCH;
                    m.execute("CHECKPOINT");
                }
            }
            double mgcSeconds = (System.nanoTime() - start) / 1e9;
            copyToCompliance(mgc, comp, first, last);
            try (Statement c = comp.createStatement()) {
                c.execute("CHECKPOINT SYNC");
            }
            m.execute("CHECKPOINT SYNC");
            System.out.printf(
                    "loaded messages %d..%d (%d) into sql-dc2 in %.1f s (mgc %.1f s): mgc %.0f MB, mgccomp %.0f MB%n",
                    first,
                    last,
                    last - first + 1,
                    (System.nanoTime() - start) / 1e9,
                    mgcSeconds,
                    size(databases, "mgc") / 1e6,
                    size(databases, "mgccomp") / 1e6);
            System.out.println("first_id=" + first);
            System.out.println("last_id=" + last);
        }
    }

    /** The compliance copy of each message, same id and columns, as a post's second write leaves it. */
    private static void copyToCompliance(Connection mgc, Connection comp, long first, long last) throws Exception {
        comp.setAutoCommit(false);
        try (PreparedStatement read = mgc.prepareStatement("SELECT id, room, sender, text, posted_at FROM chat_message"
                        + " WHERE id BETWEEN ? AND ? ORDER BY id");
                PreparedStatement write = comp.prepareStatement(
                        "INSERT INTO compliance_message (id, room, sender, text, posted_at) VALUES (?, ?, ?, ?, ?)")) {
            for (long from = first; from <= last; from += BATCH) {
                read.setLong(1, from);
                read.setLong(2, Math.min(last, from + BATCH - 1));
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        write.setLong(1, rs.getLong(1));
                        write.setString(2, rs.getString(2));
                        write.setString(3, rs.getString(3));
                        write.setString(4, rs.getString(4));
                        write.setObject(5, rs.getObject(5));
                        write.addBatch();
                    }
                }
                write.executeBatch();
                comp.commit();
            }
        }
    }

    private static Connection open(Path databases, String name) throws Exception {
        Path file = databases.resolve(name).resolve(name + ".mv.db");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no database " + file + ": start the server once first");
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + databases.resolve(name).resolve(name) + ";IFEXISTS=TRUE", "sa", "");
    }

    private static long next(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long size(Path databases, String name) throws Exception {
        return Files.size(databases.resolve(name).resolve(name + ".mv.db"));
    }
}
