package org.failback.batch.infrastructure.dbadmin;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.UnsupportedCapabilityException;
import org.failback.domain.dbadmin.VerificationResult;

/**
 * Real T-SQL through the Microsoft JDBC driver, on a connection to {@code master}. Identifiers reach SQL text only
 * as a validated {@link DatabaseName} in brackets; paths and logical file names only as parameters.
 * {@code BACKUP}/{@code RESTORE}/{@code ALTER DATABASE} refuse to run inside a transaction, so every statement runs
 * with autocommit on, and each operation checks the database's state first so a restarted job step does no harm.
 * Backup files live on the server's disk (the share): their SHA-256 is computed here only when this host can read
 * them, otherwise the engine's own {@code WITH CHECKSUM} and {@code RESTORE VERIFYONLY} are what detect corruption.
 */
public class SqlServerDatabaseAdministration implements DatabaseAdministration {

    private final DataSource master;
    private final DatabaseOperationLog log;
    private volatile Set<Capability> capabilities;
    private volatile String engine;

    public SqlServerDatabaseAdministration(DataSource master, DatabaseOperationLog log) {
        this.master = master;
        this.log = log == null ? DatabaseOperationLog.NONE : log;
    }

    @Override
    public String engine() {
        if (engine == null) {
            engine = "SQL Server "
                    + query("SELECT CAST(SERVERPROPERTY('ProductVersion') AS NVARCHAR(64))")
                            .orElse("?");
        }
        return engine;
    }

    /** Mirroring exists only on Windows builds: SQL Server on Linux (the container) has none; log shipping works on both. */
    @Override
    public Set<Capability> capabilities() {
        if (capabilities == null) {
            Set<Capability> can = EnumSet.of(
                    Capability.BACKUP,
                    Capability.ENGINE_CHECKSUM,
                    Capability.VERIFY,
                    Capability.RESTORE_REPLACE,
                    Capability.RESTORE_NORECOVERY,
                    Capability.LOG_SHIPPING);
            if ("Windows"
                    .equalsIgnoreCase(query("SELECT host_platform FROM sys.dm_os_host_info")
                            .orElse("Windows"))) {
                can.add(Capability.MIRRORING);
            }
            capabilities = Set.copyOf(can);
        }
        return capabilities;
    }

    @Override
    public boolean databaseExists(DatabaseName name) {
        return state(name).isPresent();
    }

    /** {@code ONLINE}, {@code RESTORING}, … from sys.databases, empty when there is no such database. */
    public Optional<String> state(DatabaseName name) {
        return query("SELECT state_desc FROM sys.databases WHERE name = ?", name.value());
    }

    @Override
    public boolean createDatabase(DatabaseName name) {
        if (databaseExists(name)) {
            log.issued("CREATE DATABASE " + name.bracketed() + " skipped: it exists");
            return false;
        }
        execute("CREATE DATABASE " + name.bracketed());
        return true;
    }

    @Override
    public BackupResult backupDatabase(DatabaseName name, BackupFile file) {
        requireState(name, "ONLINE", "BACKUP DATABASE");
        execute("BACKUP DATABASE " + name.bracketed() + " TO DISK = ? WITH CHECKSUM, INIT", file.toString());
        return describeBackup(name, file, "D");
    }

    @Override
    public BackupResult backupLog(DatabaseName name, BackupFile file) {
        requireState(name, "ONLINE", "BACKUP LOG");
        String model = query("SELECT recovery_model_desc FROM sys.databases WHERE name = ?", name.value())
                .orElse("?");
        if ("SIMPLE".equals(model)) {
            throw new DatabaseAdministrationException("BACKUP LOG " + name.bracketed()
                    + " refused: the database uses the SIMPLE recovery model; log shipping needs FULL");
        }
        execute("BACKUP LOG " + name.bracketed() + " TO DISK = ? WITH CHECKSUM, INIT", file.toString());
        return describeBackup(name, file, "L");
    }

    /** Switches a database to the FULL recovery model (log shipping needs it); no-op when it has it already. */
    public void setFullRecovery(DatabaseName name) {
        String model = query("SELECT recovery_model_desc FROM sys.databases WHERE name = ?", name.value())
                .orElse("?");
        if (!"FULL".equals(model)) {
            execute("ALTER DATABASE " + name.bracketed() + " SET RECOVERY FULL");
        }
    }

    @Override
    public void checkChecksum(BackupFile file, String expectedSha256) {
        if (Files.isReadable(file.path())) {
            log.issued("CHECK SHA-256 of '" + file + "' against " + expectedSha256);
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                throw new CorruptBackupException("backup file '" + file + "' is corrupt: its SHA-256 " + actual
                        + " does not match the recorded " + expectedSha256 + ": refused, nothing restored");
            }
            return;
        }
        log.issued("SHA-256 of '" + file
                + "' not computable from this host (the file is on the server): checking page checksums instead");
        verifyOnly(file);
    }

    @Override
    public VerificationResult verifyBackup(
            BackupFile file, String expectedSha256, Map<String, Long> expectedRowCounts) {
        List<String> checks = new ArrayList<>();
        if (expectedSha256 != null && Files.isReadable(file.path())) {
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                checks.add("SHA-256 " + actual + " does not match the recorded " + expectedSha256);
                return new VerificationResult(file, false, checks);
            }
            checks.add("SHA-256 matches " + expectedSha256);
        } else if (expectedSha256 != null) {
            checks.add("SHA-256 not computable from this host: the file is on the server");
        }
        try {
            verifyOnly(file);
            checks.add("RESTORE VERIFYONLY WITH CHECKSUM: the backup set is complete and readable");
            return new VerificationResult(file, true, checks);
        } catch (CorruptBackupException e) {
            checks.add(e.getMessage());
            return new VerificationResult(file, false, checks);
        }
    }

    @Override
    public void restoreDatabase(DatabaseName name, BackupFile file, RestoreOptions options) {
        Optional<String> state = state(name);
        if (state.isPresent() && !options.replace()) {
            throw new DatabaseAdministrationException("RESTORE DATABASE " + name.bracketed()
                    + " refused: the database exists; restore WITH REPLACE to overwrite it");
        }
        boolean fromThisFile = lastRestoreFile(name)
                .map(f -> f.equalsIgnoreCase(file.toString()))
                .orElse(false);
        if (fromThisFile && state.filter("ONLINE"::equals).isPresent() && options.recovery()) {
            log.issued("RESTORE DATABASE " + name.bracketed() + " skipped: already restored from '" + file
                    + "' and ONLINE");
            return;
        }
        if (fromThisFile && state.filter("RESTORING"::equals).isPresent()) {
            if (options.recovery()) {
                execute("RESTORE DATABASE " + name.bracketed() + " WITH RECOVERY");
            } else {
                log.issued("RESTORE DATABASE " + name.bracketed() + " skipped: already restored from '" + file
                        + "', RESTORING");
            }
            return;
        }
        // A corrupt file must change nothing: check it before the target is put in single-user mode or overwritten.
        verifyOnly(file);
        if (state.filter("ONLINE"::equals).isPresent()) {
            execute("ALTER DATABASE " + name.bracketed() + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
        }
        List<String> params = new ArrayList<>();
        params.add(file.toString());
        StringBuilder sql =
                new StringBuilder("RESTORE DATABASE ").append(name.bracketed()).append(" FROM DISK = ? WITH ");
        // Restoring under another name needs its files moved, or they would collide with the source database's.
        String dataDir = query("SELECT CAST(SERVERPROPERTY('InstanceDefaultDataPath') AS NVARCHAR(4000))")
                .orElse("");
        if (!name.value().equalsIgnoreCase(backupDatabaseName(file))) {
            for (String[] f : fileList(file)) {
                sql.append("MOVE ? TO ?, ");
                params.add(f[0]);
                params.add(dataDir + name.value() + "_" + f[0] + ("L".equals(f[1]) ? ".ldf" : ".mdf"));
            }
        }
        sql.append("CHECKSUM, ")
                .append(options.replace() ? "REPLACE, " : "")
                .append(options.recovery() ? "RECOVERY" : "NORECOVERY");
        execute(sql.toString(), params.toArray(String[]::new));
        if (options.recovery()
                && "SINGLE_USER"
                        .equals(query("SELECT user_access_desc FROM sys.databases WHERE name = ?", name.value())
                                .orElse(""))) {
            execute("ALTER DATABASE " + name.bracketed() + " SET MULTI_USER");
        }
    }

    @Override
    public void restoreLog(DatabaseName name, BackupFile file, boolean recovery) {
        requireState(name, "RESTORING", "RESTORE LOG");
        if (lastRestoreFile(name).map(f -> f.equalsIgnoreCase(file.toString())).orElse(false)) {
            log.issued("RESTORE LOG " + name.bracketed() + " skipped: '" + file + "' is already restored");
            if (recovery) {
                execute("RESTORE DATABASE " + name.bracketed() + " WITH RECOVERY");
            }
            return;
        }
        execute(
                "RESTORE LOG " + name.bracketed() + " FROM DISK = ? WITH CHECKSUM, "
                        + (recovery ? "RECOVERY" : "NORECOVERY"),
                file.toString());
    }

    @Override
    public boolean isMirrored(DatabaseName name) {
        return query(
                        "SELECT CAST(mirroring_guid AS NVARCHAR(64)) FROM sys.database_mirroring WHERE database_id = DB_ID(?)",
                        name.value())
                .isPresent();
    }

    @Override
    public void removeMirroring(DatabaseName name) {
        if (!capabilities().contains(Capability.MIRRORING)) {
            throw new UnsupportedCapabilityException(Capability.MIRRORING, engine() + " on this platform");
        }
        if (!isMirrored(name)) {
            log.issued("ALTER DATABASE " + name.bracketed() + " SET PARTNER OFF skipped: not mirrored");
            return;
        }
        execute("ALTER DATABASE " + name.bracketed() + " SET PARTNER OFF");
    }

    private void verifyOnly(BackupFile file) {
        try {
            execute("RESTORE VERIFYONLY FROM DISK = ? WITH CHECKSUM", file.toString());
        } catch (DatabaseAdministrationException e) {
            throw new CorruptBackupException(
                    "backup '" + file + "' failed RESTORE VERIFYONLY WITH CHECKSUM: refused, nothing restored: "
                            + (e.getCause() == null
                                    ? e.getMessage()
                                    : e.getCause().getMessage()),
                    e);
        }
    }

    private BackupResult describeBackup(DatabaseName name, BackupFile file, String type) {
        long bytes = -1;
        Instant finished = Instant.now();
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT TOP 1 bs.backup_size, bs.backup_finish_date FROM msdb.dbo.backupset bs"
                                + " JOIN msdb.dbo.backupmediafamily mf ON mf.media_set_id = bs.media_set_id"
                                + " WHERE bs.database_name = ? AND bs.type = ? AND mf.physical_device_name = ? ORDER BY bs.backup_finish_date DESC")) {
            q.setString(1, name.value());
            q.setString(2, type);
            q.setString(3, file.toString());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    bytes = rs.getLong(1);
                    Timestamp at = rs.getTimestamp(2);
                    finished = at == null ? finished : at.toInstant();
                }
            }
        } catch (SQLException e) {
            throw new DatabaseAdministrationException(
                    "cannot read the backup history of " + name.bracketed() + ": " + e.getMessage(), e);
        }
        String sha = null;
        if (Files.isReadable(file.path())) {
            sha = sha256(file);
            try {
                bytes = Files.size(file.path());
            } catch (IOException ignored) {
                // The size from msdb stands.
            }
        } else {
            log.issued("SHA-256 of '" + file
                    + "' not computed: the file is not readable from this host; the backup carries page checksums");
        }
        return new BackupResult(file, bytes, sha, finished, Map.of());
    }

    private Optional<String> lastRestoreFile(DatabaseName name) {
        return query(
                "SELECT TOP 1 mf.physical_device_name FROM msdb.dbo.restorehistory rh"
                        + " JOIN msdb.dbo.backupset bs ON bs.backup_set_id = rh.backup_set_id"
                        + " JOIN msdb.dbo.backupmediafamily mf ON mf.media_set_id = bs.media_set_id"
                        + " WHERE rh.destination_database_name = ? ORDER BY rh.restore_history_id DESC",
                name.value());
    }

    /** Logical name and type (D data, L log) of every file in the backup. */
    private List<String[]> fileList(BackupFile file) {
        List<String[]> files = new ArrayList<>();
        log.issued("RESTORE FILELISTONLY FROM DISK = '" + file + "'");
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement("RESTORE FILELISTONLY FROM DISK = ?")) {
            q.setString(1, file.toString());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    files.add(new String[] {rs.getString("LogicalName"), rs.getString("Type")});
                }
            }
        } catch (SQLException e) {
            throw new CorruptBackupException("RESTORE FILELISTONLY FROM '" + file + "' failed: " + e.getMessage(), e);
        }
        return files;
    }

    private String backupDatabaseName(BackupFile file) {
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement("RESTORE HEADERONLY FROM DISK = ?")) {
            q.setString(1, file.toString());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString("DatabaseName") : "";
            }
        } catch (SQLException e) {
            throw new CorruptBackupException("RESTORE HEADERONLY FROM '" + file + "' failed: " + e.getMessage(), e);
        }
    }

    private void requireState(DatabaseName name, String expected, String operation) {
        String actual = state(name)
                .orElseThrow(() -> new DatabaseAdministrationException(
                        operation + " " + name.bracketed() + " refused: no such database"));
        if (!expected.equals(actual)) {
            throw new DatabaseAdministrationException(
                    operation + " " + name.bracketed() + " refused: the database is " + actual + ", not " + expected);
        }
    }

    /** Runs one statement with autocommit and drains every result and message, so errors raised late still surface. */
    private void execute(String sql, String... params) {
        log.issued(sql + describe(params));
        try (Connection c = connection();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            boolean isResult = st.execute();
            while (isResult || st.getUpdateCount() != -1) {
                isResult = st.getMoreResults();
            }
        } catch (SQLException e) {
            throw new DatabaseAdministrationException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<String> query(String sql, String... params) {
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseAdministrationException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        Connection c = master.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private static String describe(String... params) {
        if (params.length == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder("  -- parameters:");
        for (String p : params) {
            text.append(" '").append(p).append('\'');
        }
        return text.toString();
    }

    private static String sha256(BackupFile file) {
        try {
            return Sha256.of(file.path());
        } catch (IOException e) {
            throw new CorruptBackupException("backup file '" + file + "' is unreadable: " + e.getMessage(), e);
        }
    }
}
