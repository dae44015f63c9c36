import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Does an H2 version survive what the product's crash tests do to it? Rounds of: a child JVM updates a table from two
 * threads in committed chunks (WRITE_DELAY=0, as the product runs) and is killed at a random moment; then this JVM
 * reopens the database and locks every row with SELECT … FOR UPDATE (as RegistrationWriter does for a raced user)
 * while another connection runs short transactions. A lock that does not come back within 30 s is a hang.
 *
 * <p>Run by bench/h2-crash-check.sh with the H2 jar on the class path. Measured here: H2 2.5.252 hung in each of 4
 * tries, within 1–14 rounds (and the stuck rows stay stuck across restarts: the next open hangs again);
 * 2.2.224 never, in 57 rounds. The lock must read a non-key column, as the product's does: SELECT id alone did not hang.
 * Rounds alternate between that SELECT … FOR UPDATE and a plain UPDATE of every row: on 2.5.252 the UPDATE hung the
 * same way (round 20 of a run, in TransactionMap.lock), so no write is safe there after a crash, not only a lock.
 */
public class H2CrashCheck {

    private static final int ROWS = 100_000;

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("write")) {
            write(url(args[1]), Long.parseLong(args[2]));
            return;
        }
        int rounds = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("h2-crash-check");
        String url = url(dir.resolve("db").toString());
        int hung = 0;
        for (int round = 1; round <= rounds; round++) {
            long killAfter = 800 + ThreadLocalRandom.current().nextLong(1500);
            Process writer = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                    System.getProperty("h2-crash-check.source"), "write", dir.resolve("db").toString(), Long.toString(killAfter)).inheritIO().start();
            writer.waitFor();
            String outcome = lockEveryRow(url, round % 2 == 0);
            hung += outcome.startsWith("HUNG") ? 1 : 0;
            System.out.printf("round %d (killed after %d ms): %s%n", round, killAfter, outcome);
            if (outcome.startsWith("HUNG")) {
                break;
            }
        }
        System.out.printf("h2-crash-check h2=%s rounds_hung=%d%n", org.h2.engine.Constants.FULL_VERSION, hung);
        System.exit(hung == 0 ? 0 : 1);
    }

    private static String url(String file) {
        return "jdbc:h2:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=2000;WRITE_DELAY=0";
    }

    /** The child: two writers toggling rows in chunks of 1,000, each chunk one transaction, until halted. */
    private static void write(String url, long killAfterMillis) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS t (id BIGINT PRIMARY KEY, status VARCHAR(16), v INT)");
            c.createStatement().execute("CREATE INDEX IF NOT EXISTS ix_t_status ON t (status, id)");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    c.createStatement().execute("INSERT INTO t SELECT X, 'A', 0 FROM SYSTEM_RANGE(1, " + ROWS + ")");
                }
            }
        }
        for (int part = 0; part < 2; part++) {
            long base = part * (ROWS / 2L);
            Thread writer = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    PreparedStatement update = c.prepareStatement("UPDATE t SET status = CASE status WHEN 'A' THEN 'B' ELSE 'A' END, v = v + 1 WHERE id = ?");
                    for (long round = 0; ; round++) {
                        long start = base + (round * 1000) % (ROWS / 2);
                        for (long id = start + 1; id <= start + 1000; id++) {
                            update.setLong(1, id);
                            update.addBatch();
                        }
                        update.executeBatch();
                        c.commit();
                    }
                } catch (SQLException e) {
                    e.printStackTrace();
                }
            });
            writer.setDaemon(true);
            writer.start();
        }
        Thread.sleep(killAfterMillis);
        Runtime.getRuntime().halt(9);
    }

    private static String lockEveryRow(String url, boolean byUpdate) throws Exception {
        String statement = byUpdate ? "UPDATE t SET v = v + 0 WHERE id BETWEEN ? AND ?" : "SELECT id, status FROM t WHERE id BETWEEN ? AND ? FOR UPDATE";
        AtomicBoolean done = new AtomicBoolean();
        Thread others = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                c.setAutoCommit(false);
                while (!done.get()) {
                    c.createStatement().executeQuery("SELECT COUNT(*) FROM t WHERE id = 1").close();
                    c.commit();
                }
            } catch (SQLException e) {
                // the database closes under it at the end
            }
        });
        others.setDaemon(true);
        others.start();
        Thread locker = Thread.currentThread();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                return;
            }
            StringBuilder where = new StringBuilder();
            StackTraceElement[] stack = locker.getStackTrace();
            for (int i = 0; i < Math.min(6, stack.length); i++) {
                where.append("\n    at ").append(stack[i]);
            }
            System.out.println("HUNG: " + statement + " did not return within 30 s" + where);
            System.out.printf("h2-crash-check h2=%s rounds_hung=1%n", org.h2.engine.Constants.FULL_VERSION);
            Runtime.getRuntime().halt(1);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             PreparedStatement lock = c.prepareStatement(statement)) {
            c.setAutoCommit(false);
            for (long from = 1; from <= ROWS; from += 1000) {
                lock.setLong(1, from);
                lock.setLong(2, from + 999);
                if (byUpdate) {
                    rows += lock.executeUpdate();
                } else {
                    try (ResultSet rs = lock.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                }
                c.commit();
            }
        } finally {
            done.set(true);
            watchdog.interrupt();
        }
        return (byUpdate ? "updated" : "locked") + " all " + rows + " rows";
    }
}
