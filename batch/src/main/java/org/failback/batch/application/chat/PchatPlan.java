package org.failback.batch.application.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.failback.batch.infrastructure.chat.ChatPoolStore.PoolRow;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore.Config;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore.ShippedFile;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;

/**
 * The dry run of a pchat job: each step of {@link PchatStep} with the statements it would issue, read from the
 * topology and the log-shipping records only. Nothing is issued to any instance and nothing enters the command log.
 */
public final class PchatPlan {

    private PchatPlan() {}

    public record PlannedStep(String name, String description, List<String> commands) {}

    public record Plan(String job, String pool, List<PlannedStep> steps, List<String> commands) {}

    static Plan failover(Connection c, DatabaseAdministrations admins, PoolRow row) throws SQLException {
        List<Config> configs = new LogShippingStore(c).ofChatPool(row.name());
        LogShippingStore store = new LogShippingStore(c);
        DatabaseAdministration backup = admins.forInstance(row.backup().instance(), null, DatabaseOperationLog.NONE);
        List<PlannedStep> steps = new ArrayList<>();
        for (PchatStep step : PchatStep.of(PchatStep.Job.FAILOVER)) {
            List<String> commands = new ArrayList<>();
            switch (step) {
                case CHECK_SHARE_ACCESS ->
                    configs.forEach(config -> commands.add("CHECK ACCESS on "
                            + row.backup().name() + ": READ on share '" + config.sharePath() + "/" + config.database()
                            + "', WRITE on copy folder '" + row.backup().copyFolder() + "/" + config.database() + "'"));
                case REMOVE_LOG_SHIPPING ->
                    configs.forEach(config -> commands.add("REMOVE log shipping of "
                            + config.database() + " " + config.primary() + " → " + config.secondary()
                            + " (sp_delete_log_shipping_secondary_database N'" + config.database() + "')"));
                case APPLY_PENDING_BACKUPS -> {
                    for (Config config : configs) {
                        for (ShippedFile f : store.files(config.id())) {
                            if (f.copiedAt() == null) {
                                commands.add("COPY '" + config.sharePath() + "/" + config.database() + "/"
                                        + f.fileName() + "' TO '" + row.backup().copyFolder() + "/"
                                        + config.database() + "/'");
                            }
                            if (f.restoredAt() == null) {
                                commands.add(restoreOf(config, f));
                            }
                        }
                    }
                    if (commands.isEmpty()) {
                        commands.add("(every file on the share is restored on "
                                + row.backup().name() + " already)");
                    }
                }
                case END_CONNECTIONS ->
                    commands.add(
                            "END CONNECTIONS to mgc, mgccomp on " + row.backup().name());
                case RECOVER_DATABASES -> {
                    for (DatabaseName db : ChatPools.DATABASES) {
                        commands.add("RESTORE DATABASE " + db + " WITH RECOVERY on "
                                + row.backup().name()
                                + (backup.can(Capability.RESTORE_NORECOVERY)
                                        ? ""
                                        : " (" + backup.engine() + ": online already, nothing to recover)"));
                    }
                }
                case SET_POOL_STATE_FAILED_OVER -> {
                    commands.add(
                            "Set-CsPersistentChatState -Identity \"service:" + row.name() + "\" -PoolState FailedOver");
                    commands.add("Set-CsPersistentChatActiveServer -Identity \"service:" + row.name()
                            + "\" -ActiveServers <the servers of site "
                            + row.backup().instance().site() + ">");
                }
                default -> throw new IllegalStateException(step + " is no failover step");
            }
            steps.add(new PlannedStep(step.id(), step.description(), commands));
        }
        return plan(PchatStep.Job.FAILOVER, row, steps);
    }

    static Plan failback(Connection c, DatabaseAdministrations admins, PoolRow row, List<String> servers)
            throws SQLException {
        List<Config> configs = new LogShippingStore(c).ofChatPool(row.name());
        DatabaseAdministration backup = admins.forInstance(row.backup().instance(), null, DatabaseOperationLog.NONE);
        String file = "<db>-" + row.backup().name() + "-failback-<job instance>-1-<time>.zip";
        List<PlannedStep> steps = new ArrayList<>();
        for (PchatStep step : PchatStep.of(PchatStep.Job.FAILBACK)) {
            List<String> commands = new ArrayList<>();
            switch (step) {
                case CLEAR_ACTIVE_SERVERS ->
                    commands.add("Set-CsPersistentChatActiveServer -Identity \"service:" + row.name()
                            + "\" -ActiveServers @()");
                case REMOVE_MIRRORING -> {
                    for (DatabaseName db : ChatPools.DATABASES) {
                        commands.add(
                                backup.can(Capability.MIRRORING)
                                        ? "ALTER DATABASE [" + db + "] SET PARTNER OFF on "
                                                + row.backup().name()
                                        : "(" + backup.engine() + " has no mirroring: nothing to remove from " + db
                                                + ")");
                    }
                }
                case BACKUP_MGC_TO_SHARE -> {
                    for (Config config : configs) {
                        String target = config.sharePath() + "/" + config.database() + "/"
                                + file.replace("<db>", config.database().value());
                        commands.add("BACKUP DATABASE " + config.database() + " TO DISK = '" + target
                                + "' WITH CHECKSUM on " + row.backup().name());
                        commands.add("RESTORE VERIFYONLY FROM DISK = '" + target + "' WITH CHECKSUM");
                    }
                }
                case RESTORE_PRIMARY -> {
                    for (DatabaseName db : ChatPools.DATABASES) {
                        commands.add("RESTORE DATABASE " + db + " FROM DISK = '" + file.replace("<db>", db.value())
                                + "' WITH REPLACE, RECOVERY (MOVE where file paths differ) on "
                                + row.primary().name());
                    }
                }
                case CONFIGURE_LOG_SHIPPING -> {
                    for (Config config : configs) {
                        commands.add("RESTORE DATABASE " + config.database() + " FROM DISK = '"
                                + file.replace("<db>", config.database().value()) + "' WITH REPLACE, NORECOVERY on "
                                + row.backup().name()
                                + (backup.can(Capability.RESTORE_NORECOVERY)
                                        ? ""
                                        : " (" + backup.engine() + ": not possible; it holds that content already)"));
                        commands.add("log shipping of " + config.database() + " "
                                + row.primary().name() + " → "
                                + row.backup().name() + " (" + config.method() + ", every "
                                + config.schedule().everyMinutes() + " min)");
                    }
                }
                case SET_ACTIVE_SERVERS ->
                    commands.add("Set-CsPersistentChatActiveServer -Identity \"service:" + row.name()
                            + "\" -ActiveServers " + servers);
                case SET_POOL_STATE_NORMAL ->
                    commands.add(
                            "Set-CsPersistentChatState -Identity \"service:" + row.name() + "\" -PoolState Normal");
                default -> throw new IllegalStateException(step + " is no failback step");
            }
            steps.add(new PlannedStep(step.id(), step.description(), commands));
        }
        return plan(PchatStep.Job.FAILBACK, row, steps);
    }

    private static String restoreOf(Config config, ShippedFile f) {
        return switch (config.method()) {
            case LOG_BACKUPS ->
                "RESTORE LOG " + config.database() + " FROM DISK = '" + f.fileName() + "' WITH NORECOVERY on "
                        + config.secondary();
            case FULL_BACKUPS ->
                "RESTORE DATABASE " + config.database() + " FROM '" + f.fileName() + "' WITH REPLACE, RECOVERY on "
                        + config.secondary();
        };
    }

    private static Plan plan(PchatStep.Job job, PoolRow row, List<PlannedStep> steps) {
        List<String> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.commands()));
        return new Plan(job.id(), row.name(), steps, all);
    }
}
