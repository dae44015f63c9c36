import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.failback.batch.infrastructure.dbadmin.CommandRecorder;
import org.failback.batch.infrastructure.dbadmin.H2DatabaseAdministration;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.CommandLog;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.VerificationResult;

/**
 * Backup, verify and restore of an H2 database of BENCH_MB megabytes through the product's H2 adapter, beside cp of
 * the same bytes in the same run. Prints MB/s (of the database file) and the ratios. Not a test.
 */
public class DbAdminBench {

    public static void main(String[] args) throws Exception {
        int megabytes = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("dbadmin-bench-");
        // The server's command log is a table; here a counter, so the figures are the engine's work alone.
        AtomicLong commands = new AtomicLong();
        CommandLog counting = new CommandLog() {
            @Override
            public long started(Command command) {
                return commands.incrementAndGet();
            }

            @Override
            public void completed(long id, Integer errorNumber, String errorMessage) {}
        };
        H2DatabaseAdministration admin = new H2DatabaseAdministration(
                dir.resolve("databases"), new CommandRecorder(counting, InstanceName.of("bench"), 1L), null);
        DatabaseName db = DatabaseName.of("bench");
        admin.createDatabase(db);
        try (Connection c = admin.open(db);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE payload (id BIGINT PRIMARY KEY, bytes VARBINARY(1024))");
            // Random bytes: a compressible payload would flatter the zipped backup.
            long rows = megabytes * 1024L * 1024L / 1100;
            for (long from = 1; from <= rows; from += 100_000) {
                st.execute("INSERT INTO payload SELECT X, SECURE_RAND(1024) FROM SYSTEM_RANGE(" + from + ", "
                        + Math.min(rows, from + 99_999) + ")");
            }
            st.execute("CHECKPOINT SYNC");
        }
        Path file = dir.resolve("databases/bench/bench.mv.db");
        double mb = Files.size(file) / 1e6;
        SharePath share = SharePath.under(dir, "share");
        BackupFile backupFile = share.file("bench-full.zip");

        double cpDb = seconds(() -> Files.copy(file, dir.resolve("copy.mv.db"), StandardCopyOption.REPLACE_EXISTING));
        BackupResult[] backup = new BackupResult[1];
        double backupS = seconds(() -> backup[0] = admin.backupDatabase(db, backupFile));
        double cpBackup = seconds(
                () -> Files.copy(backupFile.path(), dir.resolve("copy.zip"), StandardCopyOption.REPLACE_EXISTING));
        VerificationResult[] verified = new VerificationResult[1];
        double verifyS = seconds(
                () -> verified[0] = admin.verifyBackup(backupFile, backup[0].sha256(), backup[0].rowCounts()));
        double restoreS = seconds(() ->
                admin.restoreDatabase(DatabaseName.of("bench_restored"), backupFile, RestoreOptions.replaceWithRecovery()));
        if (!verified[0].ok()) {
            throw new IllegalStateException("verification failed: " + verified[0].checks());
        }
        System.out.printf(
                "dbadmin database_mb=%.0f backup_mb=%.0f cp_db_mb_s=%.0f backup_mb_s=%.0f verify_mb_s=%.0f"
                        + " restore_mb_s=%.0f cp_backup_mb_s=%.0f backup_ratio=%.1f verify_ratio=%.1f restore_ratio=%.1f"
                        + " commands=%d%n",
                mb,
                backup[0].bytes() / 1e6,
                mb / cpDb,
                mb / backupS,
                mb / verifyS,
                mb / restoreS,
                backup[0].bytes() / 1e6 / cpBackup,
                backupS / cpDb,
                verifyS / cpDb,
                restoreS / cpDb,
                commands.get());
    }

    interface Work {
        void run() throws Exception;
    }

    static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
