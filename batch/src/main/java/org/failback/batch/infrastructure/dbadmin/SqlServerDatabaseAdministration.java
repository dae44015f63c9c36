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
import org.failback.domain.dbadmin.DatabaseState;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.ShareAccess;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.UnsupportedCapabilityException;
import org.failback.domain.dbadmin.VerificationResult;

/**
 * Real T-SQL through the Microsoft JDBC driver, on connections to {@code master}. Identifiers reach SQL text only
 * as a validated {@link DatabaseName} in brackets; paths and logical file names only as parameters.
 * {@code BACKUP}/{@code RESTORE}/{@code ALTER DATABASE} refuse to run inside a transaction, so every statement runs
 * with autocommit on, and each operation checks the database's state first so a restarted job step does no harm.
 * Every statement is a row of the command log ({@link CommandRecorder}) before it runs. Backup files live on the
 * server's disk (the share): their SHA-256 is computed here only when this host can read them, otherwise the
 * engine's own {@code WITH CHECKSUM} and {@code RESTORE VERIFYONLY … WITH CHECKSUM} are what detect corruption.
 */
public class SqlServerDatabaseAdministration implements DatabaseAdministration {

    /** SQL Server 2017 (14.x) is the first with sys.dm_os_host_info and the first that runs on Linux. */
    static final int FIRST_MAJOR_WITH_HOST_INFO = 14;

    private final DataSource master;
    private final CommandRecorder recorder;
    private final DatabaseOperationLog log;
    private volatile Set<Capability> capabilities;
    private volatile String engine;

    public SqlServerDatabaseAdministration(DataSource master, CommandRecorder recorder, DatabaseOperationLog log) {
        this.master = master;
        this.recorder = recorder;
        this.log = log == null ? DatabaseOperationLog.NONE : log;
    }

    @Override
    public String engine() {
        if (engine == null) {
            engine = "SQL Server "
                    + query(null, "SELECT CAST(SERVERPROPERTY('ProductVersion') AS NVARCHAR(64))")
                            .orElse("?");
        }
        return engine;
    }

    /**
     * Mirroring exists only on Windows builds (SQL Server on Linux has none); log shipping by msdb needs SQL Server
     * Agent, which Express lacks and which may be stopped. Before 2017 there is no sys.dm_os_host_info, and only
     * Windows.
     */
    @Override
    public Set<Capability> capabilities() {
        if (capabilities == null) {
            Set<Capability> can = EnumSet.of(
                    Capability.BACKUP,
                    Capability.ENGINE_CHECKSUM,
                    Capability.VERIFY,
                    Capability.RESTORE_REPLACE,
                    Capability.RESTORE_NORECOVERY,
                    Capability.LOG_BACKUP);
            if ("Windows".equalsIgnoreCase(hostPlatform())) {
                can.add(Capability.MIRRORING);
            }
            if (agentRunning()) {
                can.add(Capability.LOG_SHIPPING);
            }
            capabilities = Set.copyOf(can);
        }
        return capabilities;
    }

    /** {@code Windows} or {@code Linux}; never asks sys.dm_os_host_info of a server too old to have it. */
    String hostPlatform() {
        int major = majorVersion();
        if (major < FIRST_MAJOR_WITH_HOST_INFO) {
            log.issued("SQL Server major version " + major + ": before 2017, Windows only (no sys.dm_os_host_info)");
            return "Windows";
        }
        try {
            return query(null, "SELECT host_platform FROM sys.dm_os_host_info").orElse("Windows");
        } catch (DatabaseAdministrationException e) {
            log.issued("sys.dm_os_host_info unreadable (" + e.getMessage() + "): taken as Windows");
            return "Windows";
        }
    }

    int majorVersion() {
        String version = query(null, "SELECT CAST(SERVERPROPERTY('ProductVersion') AS NVARCHAR(64))")
                .orElse("0");
        try {
            return Integer.parseInt(
                    version.substring(0, version.indexOf('.') < 0 ? version.length() : version.indexOf('.')));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Express (engine edition 4) has no Agent; elsewhere the Agent's own sessions show that it runs. */
    boolean agentRunning() {
        String edition = query(null, "SELECT CAST(SERVERPROPERTY('EngineEdition') AS NVARCHAR(8))")
                .orElse("0");
        if ("4".equals(edition)) {
            return false;
        }
        return !"0"
                .equals(query(
                                null,
                                "SELECT CAST(COUNT(*) AS NVARCHAR(8)) FROM sys.dm_exec_sessions"
                                        + " WHERE program_name LIKE N'SQLAgent - %'")
                        .orElse("0"));
    }

    @Override
    public boolean databaseExists(DatabaseName name) {
        return state(name).isPresent();
    }

    /** {@code ONLINE}, {@code RESTORING}, … from sys.databases, empty when there is no such database. */
    public Optional<String> state(DatabaseName name) {
        return query(name, "SELECT state_desc FROM sys.databases WHERE name = ?", name.value());
    }

    @Override
    public Optional<DatabaseState> describe(DatabaseName name) {
        Optional<String> state = state(name);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        String model = recoveryModel(name);
        String mirroring = query(
                        name,
                        "SELECT mirroring_role_desc + N' ' + mirroring_state_desc FROM sys.database_mirroring"
                                + " WHERE database_id = DB_ID(?) AND mirroring_guid IS NOT NULL",
                        name.value())
                .orElse("NONE");
        return Optional.of(new DatabaseState(name, state.get(), model, mirroring));
    }

    private String recoveryModel(DatabaseName name) {
        return query(name, "SELECT recovery_model_desc FROM sys.databases WHERE name = ?", name.value())
                .orElse("?");
    }

    @Override
    public boolean createDatabase(DatabaseName name) {
        if (databaseExists(name)) {
            log.issued("CREATE DATABASE " + name.bracketed() + " skipped: it exists");
            return false;
        }
        execute(name, "CREATE_DATABASE", "CREATE DATABASE " + name.bracketed());
        return true;
    }

    @Override
    public BackupResult backupDatabase(DatabaseName name, BackupFile file) {
        requireState(name, "ONLINE", "BACKUP DATABASE");
        execute(
                name,
                "BACKUP_DATABASE",
                "BACKUP DATABASE " + name.bracketed() + " TO DISK = ? WITH CHECKSUM, INIT",
                file.toString());
        return describeBackup(name, file, "D");
    }

    @Override
    public BackupResult backupLog(DatabaseName name, BackupFile file) {
        requireState(name, "ONLINE", "BACKUP LOG");
        requireFullRecovery(name, "BACKUP LOG");
        execute(
                name,
                "BACKUP_LOG",
                "BACKUP LOG " + name.bracketed() + " TO DISK = ? WITH CHECKSUM, INIT",
                file.toString());
        return describeBackup(name, file, "L");
    }

    /**
     * The tail of the log before a planned role switch: the last log backup, leaving the database RESTORING so
     * nothing is written after it ({@code NORECOVERY}); {@code NO_TRUNCATE} too when the data files are damaged.
     */
    public BackupResult backupTailLog(DatabaseName name, BackupFile file, boolean damaged) {
        requireFullRecovery(name, "BACKUP LOG (tail)");
        if (!damaged) {
            requireState(name, "ONLINE", "BACKUP LOG (tail)");
        }
        execute(
                name,
                "BACKUP_LOG",
                "BACKUP LOG " + name.bracketed() + " TO DISK = ? WITH CHECKSUM, INIT, NORECOVERY"
                        + (damaged ? ", NO_TRUNCATE" : ""),
                file.toString());
        return describeBackup(name, file, "L");
    }

    private void requireFullRecovery(DatabaseName name, String operation) {
        String model = recoveryModel(name);
        if (!"FULL".equals(model) && !"BULK_LOGGED".equals(model)) {
            throw new DatabaseAdministrationException(operation + " " + name.bracketed()
                    + " refused: the database uses the " + model + " recovery model; log backups need FULL");
        }
    }

    @Override
    public void setFullRecovery(DatabaseName name) {
        if (!"FULL".equals(recoveryModel(name))) {
            execute(name, "ALTER_DATABASE", "ALTER DATABASE " + name.bracketed() + " SET RECOVERY FULL");
        }
    }

    @Override
    public void checkChecksum(BackupFile file, String expectedSha256) {
        if (expectedSha256 != null && Files.isReadable(file.path())) {
            String command = "CHECK SHA-256 of '" + file + "' against " + expectedSha256;
            log.issued(command);
            call(null, "CHECKSUM", command, () -> {
                String actual = sha256(file);
                if (!actual.equalsIgnoreCase(expectedSha256)) {
                    throw new CorruptBackupException("backup file '" + file + "' is corrupt: its SHA-256 " + actual
                            + " does not match the recorded " + expectedSha256 + ": refused, nothing restored");
                }
                return null;
            });
        } else {
            log.issued("SHA-256 of '" + file
                    + "' not computable from this host (the file is on the server): checking page checksums instead");
        }
        // The engine's own check always runs too: a file can hash right and still hold a torn page.
        verifyOnly(file);
    }

    @Override
    public VerificationResult verifyBackup(
            BackupFile file, String expectedSha256, Map<String, Long> expectedRowCounts) {
        List<String> checks = new ArrayList<>();
        try {
            checkChecksum(file, expectedSha256);
            checks.add(
                    expectedSha256 != null && Files.isReadable(file.path())
                            ? "SHA-256 matches " + expectedSha256
                            : "SHA-256 not computable from this host: the file is on the server");
            checks.add("RESTORE VERIFYONLY WITH CHECKSUM: the backup set is complete and readable");
            return new VerificationResult(file, true, checks);
        } catch (CorruptBackupException e) {
            checks.add(e.getMessage());
            return new VerificationResult(file, false, checks);
        }
    }

    /**
     * Restore with every file moved explicitly (the backup names another server's paths): onto the target's own
     * files when it exists, else into the instance's default data and log paths. The file is verified first (a
     * corrupt one changes nothing), and SINGLE_USER, RESTORE and the way back to MULTI_USER run on one dedicated
     * connection: on pooled connections another session could take the single slot in between.
     */
    @Override
    public void restoreDatabase(DatabaseName name, BackupFile file, RestoreOptions options) {
        Optional<String> state = state(name);
        if (state.isPresent() && !options.replace()) {
            throw new DatabaseAdministrationException("RESTORE DATABASE " + name.bracketed()
                    + " refused: the database exists; restore WITH REPLACE to overwrite it");
        }
        boolean fromThisFile = lastRestoredFile(name)
                .map(f -> f.equalsIgnoreCase(file.toString()))
                .orElse(false);
        if (fromThisFile && state.filter("ONLINE"::equals).isPresent() && options.recovery()) {
            log.issued("RESTORE DATABASE " + name.bracketed() + " skipped: already restored from '" + file
                    + "' and ONLINE");
            return;
        }
        if (fromThisFile && state.filter("RESTORING"::equals).isPresent()) {
            if (options.recovery()) {
                execute(name, "RESTORE_DATABASE", "RESTORE DATABASE " + name.bracketed() + " WITH RECOVERY");
            } else {
                log.issued("RESTORE DATABASE " + name.bracketed() + " skipped: already restored from '" + file
                        + "', RESTORING");
            }
            return;
        }
        StringBuilder moves = new StringBuilder();
        List<String> params = new ArrayList<>();
        params.add(file.toString());
        for (String[] f : fileList(file)) {
            moves.append("MOVE ? TO ?, ");
            params.add(f[0]);
            params.add(targetPath(name, f[0], "L".equals(f[1])));
        }
        // VERIFYONLY checks the space and paths of the files it would restore: with the backup's own paths (another
        // server's) it can fail where the restore would succeed, so it is given the same MOVE clauses.
        verifyOnly(file, moves.toString(), params.subList(1, params.size()));
        StringBuilder sql = new StringBuilder("RESTORE DATABASE ")
                .append(name.bracketed())
                .append(" FROM DISK = ? WITH ")
                .append(moves);
        sql.append("CHECKSUM, ")
                .append(options.replace() ? "REPLACE, " : "")
                .append(options.recovery() ? "RECOVERY" : "NORECOVERY");
        String[] values = params.toArray(String[]::new);
        try (Connection c = connection()) {
            {
                boolean single = state.filter("ONLINE"::equals).isPresent();
                if (single) {
                    run(
                            c,
                            name,
                            "ALTER_DATABASE",
                            "ALTER DATABASE " + name.bracketed() + " SET SINGLE_USER WITH ROLLBACK IMMEDIATE");
                }
                try {
                    run(c, name, "RESTORE_DATABASE", sql.toString(), values);
                } catch (SQLException | IOException | RuntimeException e) {
                    if (single) {
                        backToMultiUser(c, name);
                    }
                    throw e;
                }
                if (options.recovery() && "SINGLE_USER".equals(userAccess(c, name))) {
                    run(c, name, "ALTER_DATABASE", "ALTER DATABASE " + name.bracketed() + " SET MULTI_USER");
                }
            }
        } catch (SQLException | IOException e) {
            throw new DatabaseAdministrationException(
                    "RESTORE DATABASE " + name.bracketed() + " FROM '" + file + "' failed: " + e.getMessage(), e);
        }
    }

    /** A failed restore must not leave the database locked to one session. */
    private void backToMultiUser(Connection c, DatabaseName name) {
        try {
            if ("SINGLE_USER".equals(userAccess(c, name))) {
                run(c, name, "ALTER_DATABASE", "ALTER DATABASE " + name.bracketed() + " SET MULTI_USER");
            }
        } catch (SQLException | IOException | RuntimeException e) {
            log.issued("ALTER DATABASE " + name.bracketed() + " SET MULTI_USER after the failed restore failed too: "
                    + e.getMessage());
        }
    }

    private String userAccess(Connection c, DatabaseName name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT user_access_desc FROM sys.databases WHERE name = ?")) {
            q.setString(1, name.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    /** Where a logical file of the restored database goes: its current file, else the instance default path. */
    private String targetPath(DatabaseName name, String logicalName, boolean isLog) {
        Optional<String> current = query(
                name,
                "SELECT physical_name FROM sys.master_files WHERE database_id = DB_ID(?) AND name = ?",
                name.value(),
                logicalName);
        if (current.isPresent()) {
            return current.get();
        }
        String folder = query(
                        null,
                        isLog
                                ? "SELECT CAST(SERVERPROPERTY('InstanceDefaultLogPath') AS NVARCHAR(4000))"
                                : "SELECT CAST(SERVERPROPERTY('InstanceDefaultDataPath') AS NVARCHAR(4000))")
                .orElseThrow(() -> new DatabaseAdministrationException(
                        "the instance reports no default " + (isLog ? "log" : "data") + " path"));
        String separator = folder.endsWith("/") || folder.endsWith("\\") ? "" : (folder.contains("\\") ? "\\" : "/");
        return folder + separator + name.value() + "_" + logicalName.replaceAll("[^A-Za-z0-9_]", "_")
                + (isLog ? ".ldf" : ".mdf");
    }

    /** Idempotent: a file already restored is skipped, also after the database was recovered (ONLINE). */
    @Override
    public void restoreLog(DatabaseName name, BackupFile file, boolean recovery) {
        String state = state(name)
                .orElseThrow(() -> new DatabaseAdministrationException(
                        "RESTORE LOG " + name.bracketed() + " refused: no such database"));
        if (lastRestoredFile(name).map(f -> f.equalsIgnoreCase(file.toString())).orElse(false)) {
            log.issued(
                    "RESTORE LOG " + name.bracketed() + " skipped: '" + file + "' is already restored (" + state + ")");
            if (recovery && "RESTORING".equals(state)) {
                execute(name, "RESTORE_DATABASE", "RESTORE DATABASE " + name.bracketed() + " WITH RECOVERY");
            }
            return;
        }
        if (!"RESTORING".equals(state)) {
            throw new DatabaseAdministrationException(
                    "RESTORE LOG " + name.bracketed() + " refused: the database is " + state + ", not RESTORING");
        }
        verifyOnly(file);
        execute(
                name,
                "RESTORE_LOG",
                "RESTORE LOG " + name.bracketed() + " FROM DISK = ? WITH CHECKSUM, "
                        + (recovery ? "RECOVERY" : "NORECOVERY"),
                file.toString());
    }

    @Override
    public boolean isMirrored(DatabaseName name) {
        return mirroringRole(name).isPresent();
    }

    private Optional<String> mirroringRole(DatabaseName name) {
        return query(
                name,
                "SELECT mirroring_role_desc FROM sys.database_mirroring WHERE database_id = DB_ID(?)"
                        + " AND mirroring_guid IS NOT NULL",
                name.value());
    }

    /**
     * {@code SET PARTNER OFF} ends the session but leaves the former mirror RESTORING: it is brought online with
     * {@code RESTORE DATABASE … WITH RECOVERY}, so the copy that stays is usable.
     */
    @Override
    public void removeMirroring(DatabaseName name) {
        if (!capabilities().contains(Capability.MIRRORING)) {
            throw new UnsupportedCapabilityException(Capability.MIRRORING, engine() + " on this platform");
        }
        Optional<String> role = mirroringRole(name);
        if (role.isEmpty()) {
            log.issued("ALTER DATABASE " + name.bracketed() + " SET PARTNER OFF skipped: not mirrored");
            return;
        }
        execute(name, "ALTER_DATABASE", "ALTER DATABASE " + name.bracketed() + " SET PARTNER OFF");
        if ("MIRROR".equals(role.get())
                && state(name).filter("RESTORING"::equals).isPresent()) {
            execute(name, "RESTORE_DATABASE", "RESTORE DATABASE " + name.bracketed() + " WITH RECOVERY");
        }
    }

    @Override
    public boolean recoverDatabase(DatabaseName name) {
        String state = state(name)
                .orElseThrow(() -> new DatabaseAdministrationException(
                        "RESTORE DATABASE " + name.bracketed() + " WITH RECOVERY refused: no such database"));
        if (!"RESTORING".equals(state)) {
            log.issued("RESTORE DATABASE " + name.bracketed() + " WITH RECOVERY not needed: the database is " + state);
            return false;
        }
        execute(name, "RESTORE_DATABASE", "RESTORE DATABASE " + name.bracketed() + " WITH RECOVERY");
        return true;
    }

    @Override
    public Optional<String> lastRestoredFile(DatabaseName name) {
        return query(
                name,
                "SELECT TOP 1 mf.physical_device_name FROM msdb.dbo.restorehistory rh"
                        + " JOIN msdb.dbo.backupset bs ON bs.backup_set_id = rh.backup_set_id"
                        + " JOIN msdb.dbo.backupmediafamily mf ON mf.media_set_id = bs.media_set_id"
                        + " WHERE rh.destination_database_name = ? ORDER BY rh.restore_history_id DESC",
                name.value());
    }

    /**
     * Checks on the server, where the Agent copies and restores: the share listed ({@code xp_dirtree}) and seen as a
     * folder, the copy folder created and written (a {@code COPY_ONLY} backup of {@code model} as the probe, deleted
     * again), each failure named with the account the Agent runs as.
     */
    @Override
    public ShareAccess checkShareAccess(SharePath share, SharePath copyFolder) {
        String account = query(
                        null,
                        "SELECT TOP 1 service_account FROM sys.dm_server_services"
                                + " WHERE servicename LIKE N'SQL Server Agent%'")
                .orElseGet(() -> query(null, "SELECT SUSER_SNAME()").orElse("?"));
        List<ShareAccess.Missing> missing = new ArrayList<>();
        try {
            query(null, "EXEC master.sys.xp_dirtree ?, 1, 1", share.toString());
            String exists = query(
                            null,
                            "SELECT CAST(file_is_a_directory AS NVARCHAR(1)) FROM sys.dm_os_file_exists(?)",
                            share.toString())
                    .orElse("0");
            if (!"1".equals(exists)) {
                missing.add(new ShareAccess.Missing(
                        share.toString(), ShareAccess.Right.READ, "not a folder the server can see"));
            }
        } catch (DatabaseAdministrationException e) {
            missing.add(new ShareAccess.Missing(share.toString(), ShareAccess.Right.READ, e.getMessage()));
        }
        BackupFile probe = copyFolder.file("access-probe.bak");
        try {
            execute(null, "SHARE_ACCESS", "EXEC master.sys.xp_create_subdir ?", copyFolder.toString());
            execute(null, "SHARE_ACCESS", "BACKUP DATABASE [model] TO DISK = ? WITH COPY_ONLY, INIT", probe.toString());
            execute(null, "SHARE_ACCESS", "EXEC master.dbo.xp_delete_file 0, ?", probe.toString());
        } catch (DatabaseAdministrationException e) {
            missing.add(new ShareAccess.Missing(copyFolder.toString(), ShareAccess.Right.WRITE, e.getMessage()));
        }
        ShareAccess access = new ShareAccess(account, missing);
        log.issued(access.describe());
        return access;
    }

    private void verifyOnly(BackupFile file) {
        verifyOnly(file, "", List.of());
    }

    /** {@code moves}: the restore's {@code MOVE ? TO ?, } clauses, {@code moveParams} their logical and target names. */
    private void verifyOnly(BackupFile file, String moves, List<String> moveParams) {
        List<String> params = new ArrayList<>();
        params.add(file.toString());
        params.addAll(moveParams);
        try {
            execute(
                    null,
                    "RESTORE_VERIFYONLY",
                    "RESTORE VERIFYONLY FROM DISK = ? WITH " + moves + "CHECKSUM",
                    params.toArray(String[]::new));
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
        String sql = "SELECT TOP 1 bs.backup_size, bs.backup_finish_date FROM msdb.dbo.backupset bs"
                + " JOIN msdb.dbo.backupmediafamily mf ON mf.media_set_id = bs.media_set_id"
                + " WHERE bs.database_name = ? AND bs.type = ? AND mf.physical_device_name = ?"
                + " ORDER BY bs.backup_finish_date DESC";
        Object[] found = call(name, "QUERY_STATE", sql, () -> {
            try (Connection c = connection();
                    PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, name.value());
                q.setString(2, type);
                q.setString(3, file.toString());
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? new Object[] {rs.getLong(1), rs.getTimestamp(2)} : null;
                }
            }
        });
        if (found != null) {
            bytes = (Long) found[0];
            finished = found[1] == null ? finished : ((Timestamp) found[1]).toInstant();
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

    /** Logical name and type (D data, L log) of every file in the backup. */
    private List<String[]> fileList(BackupFile file) {
        String sql = "RESTORE FILELISTONLY FROM DISK = ?";
        log.issued(sql + describe(file.toString()));
        try {
            return recorder.run(null, "RESTORE_FILELISTONLY", sql + describe(file.toString()), () -> {
                List<String[]> files = new ArrayList<>();
                try (Connection c = connection();
                        PreparedStatement q = c.prepareStatement(sql)) {
                    q.setString(1, file.toString());
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            files.add(new String[] {rs.getString("LogicalName"), rs.getString("Type")});
                        }
                    }
                }
                return files;
            });
        } catch (SQLException | IOException e) {
            throw new CorruptBackupException("RESTORE FILELISTONLY FROM '" + file + "' failed: " + e.getMessage(), e);
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

    /** Runs one statement on a connection of its own with autocommit. */
    void execute(DatabaseName database, String commandType, String sql, String... params) {
        call(database, commandType, sql + describe(params), () -> {
            try (Connection c = connection()) {
                drain(c, sql, params);
            }
            return null;
        });
    }

    /** One statement on the caller's connection, as a command-log row of its own. */
    private void run(Connection c, DatabaseName database, String commandType, String sql, String... params)
            throws SQLException, IOException {
        log.issued(sql + describe(params));
        recorder.run(database, commandType, sql + describe(params), () -> {
            drain(c, sql, params);
            return null;
        });
    }

    /** Executes and drains every result and message, so errors raised late (after a result) still surface. */
    private static void drain(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            boolean isResult = st.execute();
            while (isResult || st.getUpdateCount() != -1) {
                isResult = st.getMoreResults();
            }
        }
    }

    Optional<String> query(DatabaseName database, String sql, String... params) {
        try {
            return recorder.query(database, sql + describe(params), () -> {
                try (Connection c = connection();
                        PreparedStatement q = c.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        q.setString(i + 1, params[i]);
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        } catch (SQLException | IOException e) {
            throw new DatabaseAdministrationException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** A state query read by the caller, recorded when a job acts on it. */
    <T> T recordedQuery(DatabaseName database, String command, CommandRecorder.Call<T> body)
            throws SQLException, IOException {
        return recorder.query(database, command, body);
    }

    /** A recorded call whose checked failures become the port's exception (runtime ones pass as they are). */
    private <T> T call(DatabaseName database, String commandType, String command, CommandRecorder.Call<T> body) {
        if (!"QUERY_STATE".equals(commandType)) {
            log.issued(command);
        }
        try {
            return recorder.run(database, commandType, command, body);
        } catch (SQLException | IOException e) {
            throw new DatabaseAdministrationException(command + " failed: " + e.getMessage(), e);
        }
    }

    Connection connection() throws SQLException {
        Connection c = master.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    static String describe(String... params) {
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
