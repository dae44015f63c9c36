package org.failback.batch.application.chat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.chat.ChatDatabases;
import org.failback.batch.infrastructure.chat.ChatPoolStore;
import org.failback.batch.infrastructure.chat.ChatPoolStore.PoolRow;
import org.failback.batch.infrastructure.chat.FailbackBackupStore;
import org.failback.batch.infrastructure.chat.FailbackBackupStore.Backup;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore.Config;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore.ShippedFile;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore.InstanceRow;
import org.failback.domain.chat.ChatPoolState;
import org.failback.domain.chat.ChatServer;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.Engine;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.ShareAccess;
import org.failback.domain.dbadmin.ShareAccessException;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.VerificationResult;

/**
 * What each pchat step does. Every step reads the state it is about to change and does only what is not done yet, so
 * a restart after a failure or a {@code kill -9} at any point ends where an uninterrupted run ends.
 */
public final class PchatRunbook {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private PchatRunbook() {}

    public static String run(PchatStep step, StepRun run) throws Exception {
        PoolRow row = ChatPools.require(run.product(), run.pool());
        return switch (step) {
            case CHECK_SHARE_ACCESS -> checkShareAccess(run);
            case REMOVE_LOG_SHIPPING -> removeLogShipping(run);
            case APPLY_PENDING_BACKUPS -> applyPendingBackups(run);
            case END_CONNECTIONS -> endConnections(run, row);
            case RECOVER_DATABASES -> recoverDatabases(run, row);
            case SET_POOL_STATE_FAILED_OVER -> setFailedOver(run, row);
            case CLEAR_ACTIVE_SERVERS -> clearActiveServers(run, row);
            case REMOVE_MIRRORING -> removeMirroring(run, row);
            case BACKUP_MGC_TO_SHARE -> backupToShare(run, row);
            case RESTORE_PRIMARY -> restorePrimary(run, row);
            case CONFIGURE_LOG_SHIPPING -> configureLogShipping(run, row);
            case SET_ACTIVE_SERVERS -> setActiveServers(run, row);
            case SET_POOL_STATE_NORMAL -> setNormal(run, row);
        };
    }

    // ---- failover ----

    private static String checkShareAccess(StepRun run) throws SQLException {
        List<ShareAccess> access = new LogShippingService(run.product(), run.admins())
                .checkShareAccess(run.pool(), run.jobExecutionId(), run.log());
        return "SHARE ACCESS OK: " + access.size() + " database(s), account "
                + access.get(0).account();
    }

    private static String removeLogShipping(StepRun run) throws SQLException {
        LogShippingStore store = new LogShippingStore(run.product());
        for (Config config : store.ofChatPool(run.pool())) {
            run.log()
                    .issued("REMOVE log shipping of " + config.database() + " from " + config.primary() + " to "
                            + config.secondary() + " (" + config.method()
                            + "; the product runs it, so its configuration is the product's own: the counterpart of"
                            + " sp_delete_log_shipping_secondary_database N'" + config.database() + "')");
        }
        int removed = store.remove(run.pool(), Instant.now());
        return removed == 0 ? "REMOVED already: no round is due any more" : "REMOVED " + removed + " configuration(s)";
    }

    private static String applyPendingBackups(StepRun run) throws SQLException {
        LogShippingService shipping = new LogShippingService(run.product(), run.admins());
        int copied = shipping.copy(run.pool(), run.jobExecutionId(), run.log());
        int restored = shipping.restore(run.pool(), run.jobExecutionId(), run.log());
        return "APPLIED: " + copied + " file(s) copied, " + restored + " restored, in order";
    }

    private static String endConnections(StepRun run, PoolRow row) throws Exception {
        return ChatAvailability.exclusively(row.name(), () -> {
            run.log()
                    .issued("END CONNECTIONS to mgc, mgccomp on " + row.backup().name()
                            + ": no chat server of the lost site connects any more, and the product's chat data path"
                            + " opens no connection while the pool is " + row.state());
            return "CONNECTIONS ENDED";
        });
    }

    private static String recoverDatabases(StepRun run, PoolRow row) throws SQLException {
        DatabaseAdministration backup = admin(run, row.backup());
        for (DatabaseName db : ChatPools.DATABASES) {
            if (db.equals(ChatPools.MGCCOMP)) {
                run.log()
                        .issued("mgccomp: Lync's runbook does not fail mgccomp over; we do, so no compliance record"
                                + " that log shipping carried is lost");
            }
            backup.recoverDatabase(db);
        }
        if (row.backup().instance().engine() == Engine.H2) {
            ChatDatabases chat = chat(run, row.backup());
            int completed = chat.completePending();
            long next = chat.alignIdentity();
            run.log()
                    .issued("chat data on " + row.backup().name() + ": " + completed
                            + " pending compliance copies finished, new message ids from " + next);
        }
        Optional<ShippedFile> last = lastRestored(run, ChatPools.MGC);
        String topology = topologyOf(run.product(), row);
        new ChatPoolStore(run.product())
                .setRecoveryPoint(
                        row.id(),
                        last.map(ShippedFile::fileName).orElse(null),
                        last.map(ShippedFile::backedUpAt).orElse(null),
                        topology);
        return last.map(f -> "RECOVERED: recovery point " + f.fileName() + " taken " + f.backedUpAt()
                        + " (what was posted after it on the primary is lost)")
                .orElse("RECOVERED: no shipped file was ever applied: the backup holds only its initial state");
    }

    private static Optional<ShippedFile> lastRestored(StepRun run, DatabaseName database) throws SQLException {
        LogShippingStore store = new LogShippingStore(run.product());
        for (Config config : store.ofChatPool(run.pool())) {
            if (config.database().equals(database)) {
                ShippedFile last = null;
                for (ShippedFile f : store.files(config.id())) {
                    if (f.restoredAt() != null) {
                        last = f;
                    }
                }
                return Optional.ofNullable(last);
            }
        }
        return Optional.empty();
    }

    private static String setFailedOver(StepRun run, PoolRow row) throws Exception {
        return ChatAvailability.exclusively(
                row.name(),
                () -> inTransaction(run.product(), () -> {
                    ChatPoolStore store = new ChatPoolStore(run.product());
                    List<String> backupSite = store.servers(row.id()).stream()
                            .filter(s -> s.site().equals(row.backup().instance().site()))
                            .map(ChatServer::name)
                            .toList();
                    store.transition(
                            row.id(), java.util.EnumSet.of(ChatPoolState.FAILING_OVER), ChatPoolState.FAILED_OVER);
                    store.setActiveInstance(row.id(), row.backup().id());
                    store.setActiveServers(row.id(), backupSite);
                    run.log()
                            .issued("Set-CsPersistentChatState -Identity \"service:" + row.name()
                                    + "\" -PoolState FailedOver; Set-CsPersistentChatActiveServer -ActiveServers "
                                    + backupSite);
                    return "FAILED_OVER to " + row.backup().name() + ", active servers " + backupSite;
                }));
    }

    // ---- failback (seed 003) ----

    private static String clearActiveServers(StepRun run, PoolRow row) throws Exception {
        return ChatAvailability.exclusively(row.name(), () -> {
            ChatPoolStore store = new ChatPoolStore(run.product());
            List<String> were = store.servers(row.id()).stream()
                    .filter(ChatServer::active)
                    .map(ChatServer::name)
                    .toList();
            store.setActiveServers(row.id(), List.of());
            run.log()
                    .issued("Set-CsPersistentChatActiveServer -Identity \"service:" + row.name()
                            + "\" -ActiveServers @() (were " + were + "): posts are refused until step 6");
            return "ACTIVE SERVERS CLEARED";
        });
    }

    private static String removeMirroring(StepRun run, PoolRow row) {
        DatabaseAdministration backup = admin(run, row.backup());
        List<String> done = new ArrayList<>();
        for (DatabaseName db : ChatPools.DATABASES) {
            if (!backup.can(Capability.MIRRORING)) {
                run.log()
                        .issued("REMOVE MIRRORING of " + db + " on "
                                + row.backup().name() + ": " + backup.engine()
                                + " has no database mirroring, nothing to remove");
                done.add(db + ": no mirroring on " + backup.engine());
            } else if (backup.isMirrored(db)) {
                backup.removeMirroring(db);
                done.add(db + ": mirroring removed");
            } else {
                run.log().issued("REMOVE MIRRORING of " + db + ": not mirrored, nothing to remove");
                done.add(db + ": not mirrored");
            }
        }
        return "MIRRORING " + done;
    }

    private static String backupToShare(StepRun run, PoolRow row) throws SQLException {
        DatabaseAdministration backup = admin(run, row.backup());
        LogShippingStore shipping = new LogShippingStore(run.product());
        for (Config config : shipping.ofChatPool(run.pool())) {
            ShareAccess access = backup.checkShareAccess(shareOf(run, config), copyFolder(run, row.backup(), config));
            if (!access.ok()) {
                throw new ShareAccessException(access);
            }
        }
        if (row.backup().instance().engine() == Engine.H2) {
            int completed = chat(run, row.backup()).completePending();
            run.log().issued("chat data on " + row.backup().name() + ": " + completed + " pending compliance copies");
        }
        List<String> files = new ArrayList<>();
        for (DatabaseName db : ChatPools.DATABASES) {
            files.add(ensureBackup(run, row, db, false).fileName());
        }
        return "BACKED UP " + files;
    }

    /**
     * The failback's full backup of {@code db}: the one this job instance took, if its file still matches its
     * checksum, else a new one ({@code BACKUP DATABASE … WITH CHECKSUM} where the engine has it), verified.
     */
    private static Backup ensureBackup(StepRun run, PoolRow row, DatabaseName db, boolean afterCorruption)
            throws SQLException {
        FailbackBackupStore store = new FailbackBackupStore(run.product());
        DatabaseAdministration backup = admin(run, row.backup());
        Optional<Backup> earlier = store.current(row.id(), run.jobInstanceId(), db.value());
        Config config = config(run, db);
        SharePath share = shareOf(run, config);
        if (earlier.isPresent()) {
            try {
                backup.checkChecksum(
                        share.file(earlier.get().fileName()), earlier.get().sha256());
                run.log().issued("backup " + earlier.get().fileName() + " of " + db + " taken already and intact");
                return earlier.get();
            } catch (CorruptBackupException e) {
                store.discard(earlier.get().id());
                run.log().issued("backup " + earlier.get().fileName() + " discarded: " + e.getMessage());
            }
        }
        if (afterCorruption) {
            run.log().issued("the backup of " + db + " this failback took was corrupt: taking a fresh one");
        }
        int n = store.taken(row.id(), run.jobInstanceId(), db.value()) + 1;
        BackupFile file = share.file(db.value() + "-" + row.backup().name() + "-failback-" + run.jobInstanceId() + "-"
                + n + "-" + STAMP.format(Instant.now())
                + (row.backup().instance().engine() == Engine.H2 ? ".zip" : ".bak"));
        if (!backup.can(Capability.ENGINE_CHECKSUM)) {
            run.log()
                    .issued("BACKUP DATABASE " + db + " WITH CHECKSUM: " + backup.engine()
                            + " has no page checksums; the file's SHA-256 and a verifying scratch restore stand in");
        }
        BackupResult result = backup.backupDatabase(db, file);
        VerificationResult verified = backup.verifyBackup(file, result.sha256(), result.rowCounts());
        if (!verified.ok()) {
            throw new CorruptBackupException(
                    "backup " + file.fileName() + " of " + db + " does not verify: " + verified.checks());
        }
        Backup taken = new Backup(
                0,
                db.value(),
                file.toString(),
                file.fileName(),
                result.bytes(),
                result.sha256(),
                String.valueOf(result.rowCounts()),
                result.takenAt());
        store.record(row.id(), run.jobInstanceId(), taken);
        run.log()
                .issued("backup " + file.fileName() + " of " + db + " on the share: " + result.bytes()
                        + " bytes, SHA-256 " + result.sha256() + ", verified " + verified.checks());
        return taken;
    }

    private static String restorePrimary(StepRun run, PoolRow row) throws SQLException {
        DatabaseAdministration primary = admin(run, row.primary());
        FailbackBackupStore store = new FailbackBackupStore(run.product());
        List<String> done = new ArrayList<>();
        for (DatabaseName db : ChatPools.DATABASES) {
            Optional<Backup> current = store.current(row.id(), run.jobInstanceId(), db.value());
            Backup b = current.isPresent() ? current.get() : ensureBackup(run, row, db, true);
            BackupFile file = shareOf(run, config(run, db)).file(b.fileName());
            if (primary.lastRestoredFile(db).filter(file.toString()::equals).isPresent()) {
                run.log().issued(db + " on " + row.primary().name() + " is restored from " + b.fileName() + " already");
                done.add(db + " (already)");
                continue;
            }
            try {
                primary.checkChecksum(file, b.sha256());
            } catch (CorruptBackupException e) {
                store.discard(b.id());
                throw new CorruptBackupException(
                        e.getMessage() + "; " + row.primary().name() + "'s " + db
                                + " is untouched: restart the execution to take a fresh backup and restore it",
                        e);
            }
            if (primary.engine().startsWith("H2")) {
                run.log()
                        .issued("RESTORE DATABASE " + db + " … MOVE: not needed on H2, whose database files live"
                                + " under their instance's folder on every instance");
            }
            primary.restoreDatabase(
                    db, file, RestoreOptions.replaceWithRecovery().verifiedAs(b.sha256()));
            done.add(db + " from " + b.fileName());
        }
        if (row.primary().instance().engine() == Engine.H2) {
            ChatDatabases chat = chat(run, row.primary());
            int completed = chat.completePending();
            long next = chat.alignIdentity();
            run.log()
                    .issued("chat data on " + row.primary().name() + ": " + completed
                            + " pending compliance copies finished, new message ids from " + next);
        }
        return "RESTORED " + done;
    }

    private static String configureLogShipping(StepRun run, PoolRow row) throws SQLException {
        DatabaseAdministration backup = admin(run, row.backup());
        FailbackBackupStore backups = new FailbackBackupStore(run.product());
        LogShippingStore shipping = new LogShippingStore(run.product());
        List<String> done = new ArrayList<>();
        for (DatabaseName db : ChatPools.DATABASES) {
            Backup b = backups.current(row.id(), run.jobInstanceId(), db.value())
                    .orElseThrow(() -> new DatabaseAdministrationException(
                            "no backup of " + db + " by this failback: restore-primary did not run"));
            Config config = config(run, db);
            BackupFile file = shareOf(run, config).file(b.fileName());
            if (backup.can(Capability.RESTORE_NORECOVERY)) {
                if (backup.lastRestoredFile(db).filter(file.toString()::equals).isEmpty()) {
                    backup.restoreDatabase(db, file, RestoreOptions.replaceWithNoRecovery());
                }
            } else {
                run.log()
                        .issued("RESTORE DATABASE " + db + " FROM '" + file + "' WITH NORECOVERY on "
                                + row.backup().name() + ": " + backup.engine()
                                + " cannot leave a database restoring; the backup's " + db
                                + " is the very database this file was taken of, so it holds exactly its content, and"
                                + " shipping full backups (" + config.method() + ") replaces it with each next file");
            }
            boolean recorded = shipping.files(config.id()).stream()
                    .anyMatch(f -> f.fileName().equals(b.fileName()));
            if (!recorded) {
                long seq = shipping.nextSeq(config.id());
                shipping.recordBackup(
                        config.id(),
                        seq,
                        b.fileName(),
                        b.bytes(),
                        b.sha256(),
                        b.takenAt(),
                        run.jobInstanceId(),
                        run.jobExecutionId());
                for (ShippedFile f : shipping.files(config.id())) {
                    if (f.fileName().equals(b.fileName())) {
                        shipping.markCopied(f.id(), Instant.now());
                        shipping.markRestored(f.id(), Instant.now());
                    }
                }
            }
            done.add(db + " " + config.primary() + " → " + config.secondary() + " seeded from " + b.fileName());
        }
        int reinstated = shipping.reinstate(run.pool());
        run.log()
                .issued("log shipping from " + row.primary().name() + " to "
                        + row.backup().name() + " configured again (" + reinstated + " configuration(s)): " + done);
        return "LOG SHIPPING " + done;
    }

    private static String setActiveServers(StepRun run, PoolRow row) throws Exception {
        List<String> requested = servers(run.parameters().getProperty("activeServers"));
        List<String> servers = ChatPools.checkActiveServers(run.product(), row, row.primary(), requested);
        return ChatAvailability.exclusively(
                row.name(),
                () -> inTransaction(run.product(), () -> {
                    ChatPoolStore store = new ChatPoolStore(run.product());
                    store.setActiveInstance(row.id(), row.primary().id());
                    store.setActiveServers(row.id(), servers);
                    run.log()
                            .issued("Set-CsPersistentChatActiveServer -Identity \"service:" + row.name()
                                    + "\" -ActiveServers " + servers + " (site "
                                    + row.primary().instance().site() + ", the primary's)");
                    return "ACTIVE SERVERS " + servers;
                }));
    }

    private static String setNormal(StepRun run, PoolRow row) throws Exception {
        return inTransaction(run.product(), () -> {
            ChatPoolStore store = new ChatPoolStore(run.product());
            store.transition(row.id(), java.util.EnumSet.of(ChatPoolState.FAILING_BACK), ChatPoolState.NORMAL);
            store.setPrimaryRebuilt(row.id(), false);
            store.setRecoveryPoint(row.id(), null, null, null);
            run.log().issued("Set-CsPersistentChatState -Identity \"service:" + row.name() + "\" -PoolState Normal");
            return "NORMAL";
        });
    }

    // ---- shared ----

    /** The job parameter's comma list of server names. */
    static List<String> servers(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        return Arrays.stream(parameter.split(",")).map(String::strip).toList();
    }

    /** The SQL instances of the pool's two sites: the seed assumes no new mirror or backup server came meanwhile. */
    static String topologyOf(Connection product, PoolRow row) throws SQLException {
        return "primary=" + row.primary().name() + "#" + row.primary().id() + ";backup="
                + row.backup().name() + "#"
                + row.backup().id() + ";instances="
                + new ChatPoolStore(product)
                        .instancesOfSites(
                                row.primary().instance().site(),
                                row.backup().instance().site());
    }

    private static Config config(StepRun run, DatabaseName db) throws SQLException {
        return new LogShippingStore(run.product())
                .ofChatPool(run.pool()).stream()
                        .filter(c -> c.database().equals(db))
                        .findFirst()
                        .orElseThrow(() ->
                                new IllegalStateException("chat pool " + run.pool() + " has no log shipping of " + db));
    }

    /** The share of a database's log shipping: relative to the data directory, or absolute on the servers. */
    static SharePath shareOf(StepRun run, Config config) {
        String path = config.sharePath();
        SharePath share = path.startsWith("/")
                ? SharePath.root(Path.of(path))
                : run.admins().folder(path);
        return share.resolve(config.database().value());
    }

    private static SharePath copyFolder(StepRun run, InstanceRow instance, Config config) {
        String path = instance.copyFolder();
        SharePath folder = path.startsWith("/")
                ? SharePath.root(Path.of(path))
                : run.admins().folder(path);
        return folder.resolve(config.database().value());
    }

    private static DatabaseAdministration admin(StepRun run, InstanceRow instance) {
        return run.admins().forInstance(instance.instance(), run.jobExecutionId(), run.log());
    }

    private static ChatDatabases chat(StepRun run, InstanceRow instance) {
        return new ChatDatabases(db -> run.admins().openData(instance.instance(), DatabaseName.of(db)));
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /** Changes to the product database that belong together, in one local transaction. */
    private static <T> T inTransaction(Connection c, Work<T> work) throws Exception {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
