package org.failback.batch.infrastructure.dbadmin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.DatabaseState;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.ShareAccess;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.UnsupportedCapabilityException;
import org.failback.domain.dbadmin.VerificationResult;

/**
 * The embedded engine: every managed database is an H2 file database {@code <root>/<name>/<name>.mv.db}.
 * A backup is H2's {@code SCRIPT TO ? COMPRESSION ZIP} (a consistent SQL dump, zipped), written to a temporary
 * name and moved into place so a half-written file never looks like a backup; a restore is {@code RUNSCRIPT FROM}.
 * H2 has no page checksums, mirroring or log shipping: {@link #capabilities()} says so, and the SHA-256 of the file
 * recorded at backup time is what detects a corrupted or truncated file.
 */
public class H2DatabaseAdministration implements DatabaseAdministration {

    private static final Set<Capability> CAPABILITIES =
            EnumSet.of(Capability.BACKUP, Capability.VERIFY, Capability.RESTORE_REPLACE);
    private static final String ENGINE = "H2";

    private static final String RESTORED_FROM = "restored-from";
    /** Off only in the unit tests (the build's surefire configuration): one JVM, folders deleted after each test. */
    private static final boolean MIXED_MODE = !"false".equals(System.getProperty("failback.h2.mixed-mode"));

    private final Path root;
    private final CommandRecorder recorder;
    private final DatabaseOperationLog log;

    /** The databases of one instance under {@code databasesRoot}, every command recorded by {@code recorder}. */
    public H2DatabaseAdministration(Path databasesRoot, CommandRecorder recorder, DatabaseOperationLog log) {
        this.root = databasesRoot.toAbsolutePath().normalize();
        this.recorder = recorder;
        this.log = log == null ? DatabaseOperationLog.NONE : log;
    }

    /**
     * The JDBC URL of a managed database; {@code ifExists} keeps a typo from creating an empty database. A managed
     * database stays open once opened ({@code DB_CLOSE_DELAY=-1}) until the server stops or it is dropped: H2 2.2
     * compacts a file on its last close and syncs it to disk several times doing so, ~200 ms per close in the server
     * and 0.65 s of every LIS restore (scratch, staging, target), while closing without compaction let each open and
     * close leave 10-20 KB behind for good (a scheduled backup every few minutes grows the file without end). Open,
     * H2 compacts it in the background. Kept open, it would also keep the last half second of commits in memory:
     * {@code WRITE_DELAY=0} writes each commit out, so a LIS merge or location that was acknowledged survives a
     * kill -9 of the server, as the product database does (CrashAtEveryStepIT lost a committed failover merge).
     * {@code AUTO_SERVER=TRUE}: the nodes that share a data directory share its managed databases, as they share the
     * product database (H2's mixed mode: the first to open one serves it to the others).
     */
    public String url(DatabaseName name, boolean ifExists) {
        return "jdbc:h2:file:" + fileBase(name) + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0"
                + (MIXED_MODE ? ";AUTO_SERVER=TRUE" : "") + (ifExists ? ";IFEXISTS=TRUE" : "");
    }

    public Connection open(DatabaseName name) throws SQLException {
        return DriverManager.getConnection(url(name, true), "sa", "");
    }

    private Path fileBase(DatabaseName name) {
        return root.resolve(name.value()).resolve(name.value());
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public boolean databaseExists(DatabaseName name) {
        return Files.isRegularFile(Path.of(fileBase(name) + ".mv.db"));
    }

    @Override
    public boolean createDatabase(DatabaseName name) {
        if (databaseExists(name)) {
            return false;
        }
        String command = "CREATE DATABASE " + name + " (H2: file database " + fileBase(name) + ".mv.db)";
        log.issued(command);
        try {
            return recorder.run(name, "CREATE_DATABASE", command, () -> {
                Files.createDirectories(fileBase(name).getParent());
                try (Connection c = DriverManager.getConnection(url(name, false), "sa", "")) {
                    return c.isValid(1);
                }
            });
        } catch (IOException | SQLException e) {
            throw new DatabaseAdministrationException("CREATE DATABASE " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public BackupResult backupDatabase(DatabaseName name, BackupFile file) {
        requireExists(name, "BACKUP DATABASE");
        Path target = file.path();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        String command = "BACKUP DATABASE " + name + " TO '" + target + "' (H2: SCRIPT TO ? COMPRESSION ZIP)";
        log.issued(command);
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(part);
            Map<String, Long> rows = recorder.run(name, "BACKUP_DATABASE", command, () -> {
                Map<String, Long> counted;
                try (Connection c = open(name)) {
                    // One snapshot for the counts and the dump, so verification can compare them exactly.
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    counted = rowCounts(c);
                    try (PreparedStatement script = c.prepareStatement("SCRIPT TO ? COMPRESSION ZIP")) {
                        script.setString(1, part.toString());
                        script.execute();
                    }
                    c.commit();
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return counted;
            });
            long bytes = Files.size(target);
            String sha = checksum(file);
            log.issued("BACKUP DATABASE " + name + " done: " + bytes + " bytes, SHA-256 " + sha + ", rows " + rows);
            return new BackupResult(file, bytes, sha, Instant.now(), rows);
        } catch (IOException | SQLException e) {
            deleteQuietly(part);
            throw new DatabaseAdministrationException(
                    "BACKUP DATABASE " + name + " TO '" + target + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkChecksum(BackupFile file, String expectedSha256) {
        String command = "CHECK SHA-256 of '" + file + "' against " + expectedSha256;
        log.issued(command);
        try {
            recorder.run(null, "CHECKSUM", command, () -> {
                String actual = sha256OrNull(file);
                if (actual == null) {
                    throw new CorruptBackupException(
                            "backup file '" + file + "' is missing or unreadable: refused, nothing restored");
                }
                if (!actual.equalsIgnoreCase(expectedSha256)) {
                    throw new CorruptBackupException("backup file '" + file + "' is corrupt: its SHA-256 " + actual
                            + " does not match the recorded " + expectedSha256 + " (" + sizeOf(file)
                            + " bytes now): refused, nothing restored");
                }
                return null;
            });
        } catch (IOException | SQLException e) {
            throw new CorruptBackupException("backup file '" + file + "' cannot be checked: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of a file just written, computed as a recorded engine call. */
    private String checksum(BackupFile file) throws IOException, SQLException {
        return recorder.run(null, "CHECKSUM", "COMPUTE SHA-256 of '" + file + "'", () -> Sha256.of(file.path()));
    }

    @Override
    public VerificationResult verifyBackup(
            BackupFile file, String expectedSha256, Map<String, Long> expectedRowCounts) {
        List<String> checks = new ArrayList<>();
        if (expectedSha256 != null) {
            try {
                checkChecksum(file, expectedSha256);
            } catch (CorruptBackupException e) {
                checks.add(e.getMessage());
                return new VerificationResult(file, false, checks);
            }
            checks.add("SHA-256 matches " + expectedSha256);
        }
        DatabaseName scratch = scratchName();
        try {
            Map<String, Long> restored = scratchRestore(file, scratch);
            checks.add("scratch restore succeeded: rows " + restored);
            if (expectedRowCounts != null && !expectedRowCounts.isEmpty()) {
                if (!new TreeMap<>(expectedRowCounts).equals(restored)) {
                    checks.add("row counts differ: expected " + new TreeMap<>(expectedRowCounts) + ", restored "
                            + restored);
                    return new VerificationResult(file, false, checks);
                }
                checks.add("row counts match the backup's");
            }
            return new VerificationResult(file, true, checks);
        } catch (SQLException | IOException e) {
            checks.add("scratch restore failed: " + e.getMessage());
            return new VerificationResult(file, false, checks);
        } finally {
            dropScratch(scratch);
        }
    }

    @Override
    public void restoreDatabase(DatabaseName name, BackupFile file, RestoreOptions options) {
        if (!options.recovery()) {
            throw new UnsupportedCapabilityException(Capability.RESTORE_NORECOVERY, ENGINE);
        }
        boolean exists = databaseExists(name);
        if (exists && !options.replace()) {
            throw new DatabaseAdministrationException(
                    "RESTORE DATABASE " + name + " refused: the database exists; restore WITH REPLACE to overwrite it");
        }
        // Prove the file restores before the target is touched: a corrupt backup changes nothing. The same bytes as a
        // backup a scratch restore proved when it was taken are proven by their hash: a second scratch restore would
        // take a third of a Persistent Chat failback (bench/README.md).
        if (provenByHash(file, options.verifiedSha256())) {
            log.issued("RESTORE VERIFYONLY not repeated for '" + file + "': its SHA-256 is that of the backup"
                    + " verified by a scratch restore when it was taken");
        } else {
            DatabaseName scratch = scratchName();
            try {
                scratchRestore(file, scratch);
            } catch (SQLException | IOException e) {
                throw new CorruptBackupException(
                        "RESTORE DATABASE " + name + " refused: backup '" + file + "' does not restore: "
                                + e.getMessage(),
                        e);
            } finally {
                dropScratch(scratch);
            }
        }
        String command =
                "RESTORE DATABASE " + name + " FROM '" + file + "' WITH " + (options.replace() ? "REPLACE, " : "")
                        + "RECOVERY (H2: DROP ALL OBJECTS; RUNSCRIPT FROM ? COMPRESSION ZIP)";
        log.issued(command);
        try {
            Map<String, Long> rows = recorder.run(name, "RESTORE_DATABASE", command, () -> {
                Map<String, Long> restored = restoreInto(name, file, false);
                markRestoredFrom(name, file);
                return restored;
            });
            log.issued("RESTORE DATABASE " + name + " done: rows " + rows);
        } catch (SQLException | IOException e) {
            throw new DatabaseAdministrationException(
                    "RESTORE DATABASE " + name + " FROM '" + file + "' failed: " + e.getMessage(), e);
        }
    }

    private boolean provenByHash(BackupFile file, String verifiedSha256) {
        if (verifiedSha256 == null) {
            return false;
        }
        try {
            return verifiedSha256.equalsIgnoreCase(checksum(file));
        } catch (IOException | SQLException e) {
            return false;
        }
    }

    /** The engine's check of a backup: a restore into a scratch database that is dropped afterwards. */
    private Map<String, Long> scratchRestore(BackupFile file, DatabaseName scratch) throws SQLException, IOException {
        String command = "RESTORE VERIFYONLY FROM '" + file
                + "' (H2: RUNSCRIPT FROM ? COMPRESSION ZIP into scratch database " + scratch + ")";
        log.issued(command);
        return recorder.run(null, "RESTORE_VERIFYONLY", command, () -> restoreInto(scratch, file, true));
    }

    /**
     * H2 keeps no restore history: the adapter writes one beside the database files, moved into place after the
     * restore, so a restarted log-shipping round can tell a file it already applied.
     */
    private void markRestoredFrom(DatabaseName name, BackupFile file) throws IOException {
        Path marker = fileBase(name).resolveSibling(RESTORED_FROM);
        Path part = marker.resolveSibling(RESTORED_FROM + ".part");
        Files.writeString(part, file.toString());
        Files.move(part, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** H2 has no restoring state: every restore here ends ready to use, so there is nothing to recover. */
    @Override
    public boolean recoverDatabase(DatabaseName name) {
        requireExists(name, "RESTORE DATABASE");
        log.issued("RESTORE DATABASE " + name + " WITH RECOVERY: not needed on H2, which cannot leave a database"
                + " restoring (no RESTORE_NORECOVERY): " + name + " is ONLINE already");
        return false;
    }

    @Override
    public Optional<String> lastRestoredFile(DatabaseName name) {
        Path marker = fileBase(name).resolveSibling(RESTORED_FROM);
        try {
            return recorder.query(
                    name,
                    "SELECT last restored file of " + name + " (H2: " + marker + ")",
                    () -> Files.isRegularFile(marker)
                            ? Optional.of(Files.readString(marker).strip())
                            : Optional.<String>empty());
        } catch (IOException | SQLException e) {
            throw new DatabaseAdministrationException(
                    "cannot read the restore history of " + name + ": " + e.getMessage(), e);
        }
    }

    /** H2 has no recovery models and no mirroring: both say NONE. */
    @Override
    public Optional<DatabaseState> describe(DatabaseName name) {
        return databaseExists(name) ? Optional.of(new DatabaseState(name, "ONLINE", "NONE", "NONE")) : Optional.empty();
    }

    /**
     * The embedded engine copies and restores as the account the server runs as: it must list the share and create
     * (then delete) a probe file in the copy folder, which it creates when missing.
     */
    @Override
    public ShareAccess checkShareAccess(SharePath share, SharePath copyFolder) {
        String account = System.getProperty("user.name");
        String command =
                "CHECK ACCESS of account " + account + ": READ on '" + share + "', WRITE on '" + copyFolder + "'";
        log.issued(command);
        try {
            ShareAccess access = recorder.run(null, "SHARE_ACCESS", command, () -> {
                List<ShareAccess.Missing> missing = new ArrayList<>();
                FileAccess.readable(share.path())
                        .ifPresent(reason ->
                                missing.add(new ShareAccess.Missing(share.toString(), ShareAccess.Right.READ, reason)));
                FileAccess.writable(copyFolder.path())
                        .ifPresent(reason -> missing.add(
                                new ShareAccess.Missing(copyFolder.toString(), ShareAccess.Right.WRITE, reason)));
                return new ShareAccess(account, missing);
            });
            log.issued(access.describe());
            return access;
        } catch (IOException | SQLException e) {
            throw new DatabaseAdministrationException("share access check failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isMirrored(DatabaseName name) {
        return false;
    }

    @Override
    public void removeMirroring(DatabaseName name) {
        throw new UnsupportedCapabilityException(Capability.MIRRORING, ENGINE);
    }

    @Override
    public BackupResult backupLog(DatabaseName name, BackupFile file) {
        throw new UnsupportedCapabilityException(Capability.LOG_BACKUP, ENGINE);
    }

    @Override
    public void restoreLog(DatabaseName name, BackupFile file, boolean recovery) {
        throw new UnsupportedCapabilityException(Capability.LOG_BACKUP, ENGINE);
    }

    /** Replaces everything in {@code name} (created if missing) with the backup's content; returns its row counts. */
    private Map<String, Long> restoreInto(DatabaseName name, BackupFile file, boolean fresh)
            throws SQLException, IOException {
        if (!Files.isReadable(file.path())) {
            throw new IOException("backup file '" + file + "' is missing or unreadable");
        }
        Files.createDirectories(fileBase(name).getParent());
        try (Connection c = DriverManager.getConnection(url(name, false), "sa", "");
                Statement st = c.createStatement()) {
            if (!fresh) {
                st.execute("DROP ALL OBJECTS");
            }
            // With WRITE_DELAY=0 the store is written out after every statement of the script: half of a restore's
            // time, profiled (bench/README.md). The script runs with commits held up to half a second instead; then
            // every commit is written out and synced before the restore counts as done (its marker comes after, so a
            // crash in between restores again).
            st.execute("SET WRITE_DELAY 500");
            try (PreparedStatement run = c.prepareStatement("RUNSCRIPT FROM ? COMPRESSION ZIP")) {
                run.setString(1, file.path().toString());
                run.execute();
            } finally {
                st.execute("SET WRITE_DELAY 0");
            }
            st.execute("CHECKPOINT SYNC");
            return rowCounts(c);
        }
    }

    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            for (String table : tables) {
                // Names come from the catalogue, quoted with any quote doubled.
                try (ResultSet rs =
                        st.executeQuery("SELECT COUNT(*) FROM PUBLIC.\"" + table.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private void requireExists(DatabaseName name, String operation) {
        if (!databaseExists(name)) {
            throw new DatabaseAdministrationException(
                    operation + " " + name + " refused: no such database (" + fileBase(name) + ".mv.db)");
        }
    }

    private static DatabaseName scratchName() {
        return DatabaseName.of("scratch_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private void dropScratch(DatabaseName scratch) {
        Path dir = fileBase(scratch).getParent();
        try (Connection c = DriverManager.getConnection(url(scratch, true), "sa", "");
                Statement st = c.createStatement()) {
            // Its files are deleted next: nothing to compact or sync.
            st.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException ignored) {
            // Never created or already closed.
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(H2DatabaseAdministration::deleteQuietly);
            } catch (IOException ignored) {
                // A leftover scratch folder is harmless; the next verification uses a new name.
            }
        }
    }

    private static String sha256OrNull(BackupFile file) {
        try {
            return Files.isReadable(file.path()) ? Sha256.of(file.path()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static long sizeOf(BackupFile file) {
        try {
            return Files.size(file.path());
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort.
        }
    }
}
