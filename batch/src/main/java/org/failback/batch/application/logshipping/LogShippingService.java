package org.failback.batch.application.logshipping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore.Config;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore.ShippedFile;
import org.failback.batch.infrastructure.dbadmin.Sha256;
import org.failback.batch.infrastructure.dbadmin.SqlServerLogShipping;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore.InstanceRow;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingMethod;
import org.failback.domain.dbadmin.LogShippingSchedule;
import org.failback.domain.dbadmin.LogShippingStatus;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.ShareAccess;
import org.failback.domain.dbadmin.ShareAccessException;
import org.failback.domain.dbadmin.SharePath;

/**
 * Log shipping run by the product: backup on the primary to the share, copy to the secondary's local copy folder,
 * restore there, each file recorded at each step so a restarted round resumes at the first step not done (no file
 * applied twice, none skipped, always in order). On engines without log backups it ships consistent full backups
 * and says so in every line ({@link LogShippingMethod#FULL_BACKUPS}).
 */
public class LogShippingService {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Connection product;
    private final DatabaseAdministrations administrations;
    private final SqlTopologyStore topology;
    private final LogShippingStore store;

    public LogShippingService(Connection product, DatabaseAdministrations administrations) {
        this.product = product;
        this.administrations = administrations;
        this.topology = new SqlTopologyStore(product);
        this.store = new LogShippingStore(product);
    }

    /**
     * Configures (or re-configures, idempotently) shipping {@code database} from {@code primary} to the same name on
     * {@code secondary}, after the share access check passed; both copies become managed databases.
     */
    public int configure(
            InstanceName primary,
            InstanceName secondary,
            DatabaseName database,
            String purpose,
            Integer chatPoolId,
            String sharePath,
            LogShippingSchedule schedule,
            Long jobExecutionId,
            DatabaseOperationLog log)
            throws SQLException {
        if (primary.equals(secondary)) {
            throw new IllegalArgumentException("log shipping needs two instances, not " + primary + " twice");
        }
        InstanceRow from = instance(primary);
        InstanceRow to = instance(secondary);
        SharePath share = share(sharePath).resolve(database.value());
        DatabaseAdministration target = administrations.forInstance(to.instance(), jobExecutionId, log);
        ShareAccess access = target.checkShareAccess(share, copyFolder(to, database));
        if (!access.ok()) {
            throw new ShareAccessException(access);
        }
        DatabaseAdministration source = administrations.forInstance(from.instance(), jobExecutionId, log);
        LogShippingMethod method = LogShippingMethod.of(source);
        source.createDatabase(database);
        Optional<SqlServerLogShipping> agent =
                administrations.agentLogShipping(from.instance(), to.instance(), jobExecutionId, log);
        if (agent.isPresent()) {
            agent.get().configure(database, share, share, copyFolder(to, database), schedule);
        } else if (method == LogShippingMethod.LOG_BACKUPS) {
            seedSecondary(source, target, database, share, log);
        }
        int primaryId = topology.addDatabase(from.id(), database, purpose, null, chatPoolId);
        int secondaryId = topology.addDatabase(to.id(), database, purpose, null, chatPoolId);
        int id = store.configure(primaryId, secondaryId, sharePath, method, schedule, agent.isPresent(), Instant.now());
        log.issued("log shipping of " + database + " from " + primary + " to " + secondary + " configured: "
                + method.describe() + (agent.isPresent() ? ", run by SQL Server Agent (msdb)" : ", run by the product")
                + ", every " + schedule.everyMinutes() + " min, alert after "
                + schedule.backupThresholdMinutes() + " min without backup or " + schedule.restoreThresholdMinutes()
                + " min without restore");
        return id;
    }

    /**
     * A log chain starts from a full backup: the primary in the FULL recovery model, its full backup restored on the
     * secondary WITH NORECOVERY unless the secondary is RESTORING already (then the chain continues).
     */
    private static void seedSecondary(
            DatabaseAdministration source,
            DatabaseAdministration target,
            DatabaseName database,
            SharePath share,
            DatabaseOperationLog log) {
        source.setFullRecovery(database);
        boolean restoring = target.describe(database)
                .filter(state -> "RESTORING".equals(state.state()))
                .isPresent();
        if (restoring) {
            log.issued(database + " on the secondary is RESTORING: the log chain continues from it");
            return;
        }
        BackupFile seed = share.file(database.value() + "-log-shipping-seed-" + STAMP.format(Instant.now()) + ".bak");
        BackupResult full = source.backupDatabase(database, seed);
        if (full.sha256() != null) {
            target.checkChecksum(seed, full.sha256());
        }
        target.restoreDatabase(database, seed, RestoreOptions.replaceWithNoRecovery());
        log.issued(database + " seeded on the secondary from " + seed.fileName() + " WITH NORECOVERY");
    }

    public List<Config> configs(String chatPool) throws SQLException {
        return store.ofChatPool(chatPool);
    }

    /** Step 1 of a round: the secondary's account can read the share and write its copy folder, for every database. */
    public List<ShareAccess> checkShareAccess(String chatPool, Long jobExecutionId, DatabaseOperationLog log)
            throws SQLException {
        List<ShareAccess> results = new ArrayList<>();
        for (Config config : requireConfigs(chatPool)) {
            DatabaseOperationLog said = said(config, log);
            InstanceRow to = instance(config.secondary());
            ShareAccess access = administrations
                    .forInstance(to.instance(), jobExecutionId, said)
                    .checkShareAccess(shareOf(config), copyFolder(to, config.database()));
            if (!access.ok()) {
                throw new ShareAccessException(access);
            }
            results.add(access);
        }
        return results;
    }

    /**
     * Step 2: one backup per database to the share, recorded as the next file. A restart of the same job instance
     * finds the file it already took and does not take another.
     */
    public List<String> backup(String chatPool, Long jobInstanceId, Long jobExecutionId, DatabaseOperationLog log)
            throws SQLException {
        List<String> taken = new ArrayList<>();
        for (Config config : requireConfigs(chatPool)) {
            DatabaseOperationLog said = said(config, log);
            Optional<ShippedFile> earlier = jobInstanceId == null
                    ? Optional.empty()
                    : store.files(config.id()).stream()
                            .filter(f -> jobInstanceId.equals(f.jobInstanceId()))
                            .findFirst();
            if (earlier.isPresent()) {
                said.issued("backup " + earlier.get().fileName() + " of " + config.database()
                        + " was taken by this round already: not taken again");
                continue;
            }
            if (config.byAgent()) {
                agentOf(config, jobExecutionId, said).runRound(config.database());
                said.issued("SQL Server Agent ran the backup, copy and restore jobs of " + config.database());
                continue;
            }
            DatabaseAdministration primary =
                    administrations.forInstance(instance(config.primary()).instance(), jobExecutionId, said);
            long seq = store.nextSeq(config.id());
            BackupFile file = shareOf(config).file(fileName(config, seq));
            BackupResult result = config.method() == LogShippingMethod.LOG_BACKUPS
                    ? primary.backupLog(config.database(), file)
                    : primary.backupDatabase(config.database(), file);
            store.recordBackup(
                    config.id(),
                    seq,
                    file.fileName(),
                    result.bytes(),
                    result.sha256(),
                    result.takenAt(),
                    jobInstanceId,
                    jobExecutionId);
            said.issued("file " + seq + " of " + config.database() + ": " + file.fileName() + " (" + result.bytes()
                    + " bytes, SHA-256 " + result.sha256() + ") on the share");
            taken.add(file.fileName());
        }
        return taken;
    }

    /** Step 3: every file on the share not yet copied, in order, into the secondary's copy folder, checksum checked. */
    public int copy(String chatPool, Long jobExecutionId, DatabaseOperationLog log) throws SQLException {
        int copied = 0;
        for (Config config : requireConfigs(chatPool)) {
            DatabaseOperationLog said = said(config, log);
            InstanceRow to = instance(config.secondary());
            if (config.byAgent()) {
                continue;
            }
            for (ShippedFile f : store.files(config.id())) {
                if (f.copiedAt() != null) {
                    continue;
                }
                BackupFile source = shareOf(config).file(f.fileName());
                BackupFile target = copyFolder(to, config.database()).file(f.fileName());
                copyFile(config, f, source, target, jobExecutionId, said);
                store.markCopied(f.id(), Instant.now());
                copied++;
            }
        }
        return copied;
    }

    private void copyFile(
            Config config,
            ShippedFile f,
            BackupFile source,
            BackupFile target,
            Long jobExecutionId,
            DatabaseOperationLog log) {
        String command = "COPY '" + source + "' TO '" + target + "'";
        log.issued(command);
        try {
            administrations
                    .recorder(config.secondary(), jobExecutionId)
                    .run(config.database(), "COPY_FILE", command, () -> {
                        Path to = target.path();
                        Files.createDirectories(to.getParent());
                        Path part = to.resolveSibling(to.getFileName() + ".part");
                        Files.copy(source.path(), part, StandardCopyOption.REPLACE_EXISTING);
                        if (f.sha256() != null && !f.sha256().equalsIgnoreCase(Sha256.of(part))) {
                            Files.deleteIfExists(part);
                            throw new CorruptBackupException("copy of '" + source + "' does not match its SHA-256 "
                                    + f.sha256() + ": the share holds a damaged file");
                        }
                        Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                        return null;
                    });
        } catch (IOException | SQLException e) {
            throw new DatabaseAdministrationException(command + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Step 4: every copied file not yet restored, in order, checksum checked first; a file the engine's own history
     * shows as restored already (the server died between restoring and recording) is recorded, not applied again.
     * The first failure stops the database's chain: a later file is never applied before an earlier one.
     */
    public int restore(String chatPool, Long jobExecutionId, DatabaseOperationLog log) throws SQLException {
        int restored = 0;
        for (Config config : requireConfigs(chatPool)) {
            DatabaseOperationLog said = said(config, log);
            InstanceRow to = instance(config.secondary());
            DatabaseAdministration secondary = administrations.forInstance(to.instance(), jobExecutionId, said);
            if (config.byAgent()) {
                continue;
            }
            for (ShippedFile f : store.files(config.id())) {
                if (f.restoredAt() != null) {
                    continue;
                }
                if (f.copiedAt() == null) {
                    throw new DatabaseAdministrationException("file " + f.seq() + " of " + config.database() + " ("
                            + f.fileName() + ") is not copied yet: later files wait for it");
                }
                BackupFile file = copyFolder(to, config.database()).file(f.fileName());
                if (secondary
                        .lastRestoredFile(config.secondaryDatabase())
                        .filter(file.toString()::equals)
                        .isPresent()) {
                    said.issued("file " + f.seq() + " (" + f.fileName() + ") is already restored on "
                            + config.secondary() + ": recorded, not applied again");
                } else {
                    if (f.sha256() != null) {
                        secondary.checkChecksum(file, f.sha256());
                    }
                    if (config.method() == LogShippingMethod.LOG_BACKUPS) {
                        secondary.restoreLog(config.secondaryDatabase(), file, false);
                    } else {
                        secondary.restoreDatabase(
                                config.secondaryDatabase(), file, RestoreOptions.replaceWithRecovery());
                    }
                    said.issued("file " + f.seq() + " (" + f.fileName() + ") restored on " + config.secondary());
                }
                store.markRestored(f.id(), Instant.now());
                restored++;
            }
        }
        return restored;
    }

    private SqlServerLogShipping agentOf(Config config, Long jobExecutionId, DatabaseOperationLog log)
            throws SQLException {
        return administrations
                .agentLogShipping(
                        instance(config.primary()).instance(),
                        instance(config.secondary()).instance(),
                        jobExecutionId,
                        log)
                .orElseThrow(() -> new DatabaseAdministrationException("log shipping of " + config.database()
                        + " is run by SQL Server Agent, which does not run on both instances now"));
    }

    /** The monitor: msdb's for Agent-run log shipping, the product's own records otherwise. */
    public LogShippingStatus status(Config config) throws SQLException {
        if (!config.byAgent()) {
            return store.status(config);
        }
        return agentOf(config, null, DatabaseOperationLog.NONE)
                .monitor(config.primary(), config.secondary(), config.database());
    }

    private List<Config> requireConfigs(String chatPool) throws SQLException {
        List<Config> configs = store.ofChatPool(chatPool);
        if (configs.isEmpty()) {
            throw new IllegalStateException("chat pool " + chatPool + " has no log shipping configured");
        }
        return configs;
    }

    /** Every line of a round names its method: a full-backup round is never mistaken for a log chain. */
    private static DatabaseOperationLog said(Config config, DatabaseOperationLog log) {
        return line -> log.issued("[" + config.method() + "] " + line);
    }

    private static String fileName(Config config, long seq) {
        String extension = config.method() == LogShippingMethod.LOG_BACKUPS ? "trn" : "zip";
        return config.database().value() + "-" + config.primary().value() + "-" + String.format("%08d", seq) + "-"
                + STAMP.format(Instant.now()) + "." + extension;
    }

    private InstanceRow instance(InstanceName name) throws SQLException {
        return topology.instance(name).orElseThrow(() -> new IllegalArgumentException("no SQL instance named " + name));
    }

    private SharePath shareOf(Config config) {
        return share(config.sharePath()).resolve(config.database().value());
    }

    /** A share is relative to the data directory, or an absolute path on the servers (SQL Server). */
    private SharePath share(String path) {
        return path.startsWith("/") ? SharePath.root(Path.of(path)) : administrations.folder(path);
    }

    private SharePath copyFolder(InstanceRow instance, DatabaseName database) {
        return share(instance.copyFolder()).resolve(database.value());
    }
}
