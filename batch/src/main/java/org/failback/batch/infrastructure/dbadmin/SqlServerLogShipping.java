package org.failback.batch.infrastructure.dbadmin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingMethod;
import org.failback.domain.dbadmin.LogShippingSchedule;
import org.failback.domain.dbadmin.LogShippingStatus;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.UnsupportedCapabilityException;

/**
 * Log shipping run by SQL Server Agent, configured through msdb as dbatools' {@code Invoke-DbaDbLogShipping} does:
 * {@code sp_add_log_shipping_primary_database} and {@code _primary_secondary} on the primary,
 * {@code sp_add_log_shipping_secondary_primary} and {@code _secondary_database} on the secondary, each job given a
 * schedule; monitored with {@code sp_help_log_shipping_monitor}; removed with the {@code sp_delete_log_shipping_*}
 * procedures. Re-configuring is idempotent: what msdb already holds is changed in place ({@code sp_change_…}), never
 * added twice, because a forced re-setup over an existing one leaves orphaned jobs and broken configurations.
 */
public class SqlServerLogShipping {

    private static final int RETENTION_MINUTES = 4_320;
    private static final int HISTORY_MINUTES = 5_760;

    private final SqlServerDatabaseAdministration primary;
    private final SqlServerDatabaseAdministration secondary;

    public SqlServerLogShipping(SqlServerDatabaseAdministration primary, SqlServerDatabaseAdministration secondary) {
        this.primary = primary;
        this.secondary = secondary;
    }

    /**
     * Configures shipping {@code database} from the primary to the secondary. {@code backupDirectory} is where the
     * primary's backup job writes (its own path), {@code backupShare} how the secondary's copy job reads the same
     * folder, {@code copyFolder} the secondary's local copy destination. The secondary is seeded from a full backup
     * restored {@code WITH NORECOVERY} unless it is RESTORING already.
     */
    public void configure(
            DatabaseName database,
            SharePath backupDirectory,
            SharePath backupShare,
            SharePath copyFolder,
            LogShippingSchedule schedule) {
        for (SqlServerDatabaseAdministration side : new SqlServerDatabaseAdministration[] {primary, secondary}) {
            if (!side.can(Capability.LOG_SHIPPING)) {
                throw new UnsupportedCapabilityException(Capability.LOG_SHIPPING, side.engine() + " without SQL Agent");
            }
        }
        String primaryServer = serverName(primary);
        String secondaryServer = serverName(secondary);
        primary.setFullRecovery(database);
        if (secondary.state(database).filter("RESTORING"::equals).isEmpty()) {
            BackupFile seed = backupDirectory.file(database.value() + "_log_shipping_seed.bak");
            primary.backupDatabase(database, seed);
            secondary.restoreDatabase(
                    database, backupShare.file(seed.fileName()), RestoreOptions.replaceWithNoRecovery());
        }
        String backupJob = backupJob(database);
        if (exists(
                primary,
                "SELECT 1 FROM msdb.dbo.log_shipping_primary_databases WHERE primary_database = ?",
                database.value())) {
            primary.execute(
                    database,
                    "LOG_SHIPPING",
                    "EXEC master.dbo.sp_change_log_shipping_primary_database @database = ?, @backup_directory = ?,"
                            + " @backup_share = ?, @backup_retention_period = " + RETENTION_MINUTES
                            + ", @backup_threshold = " + schedule.backupThresholdMinutes()
                            + ", @threshold_alert_enabled = 1, @history_retention_period = " + HISTORY_MINUTES,
                    database.value(),
                    backupDirectory.toString(),
                    backupShare.toString());
        } else {
            primary.execute(
                    database,
                    "LOG_SHIPPING",
                    "DECLARE @job UNIQUEIDENTIFIER, @primary UNIQUEIDENTIFIER, @schedule INT;"
                            + " EXEC master.dbo.sp_add_log_shipping_primary_database @database = ?,"
                            + " @backup_directory = ?, @backup_share = ?, @backup_job_name = ?,"
                            + " @backup_retention_period = " + RETENTION_MINUTES + ", @backup_threshold = "
                            + schedule.backupThresholdMinutes() + ", @threshold_alert_enabled = 1,"
                            + " @history_retention_period = " + HISTORY_MINUTES + ", @backup_job_id = @job OUTPUT,"
                            + " @primary_id = @primary OUTPUT, @overwrite = 1;"
                            + jobSchedule(schedule),
                    database.value(),
                    backupDirectory.toString(),
                    backupShare.toString(),
                    backupJob,
                    backupJob);
        }
        if (!exists(
                primary,
                "SELECT 1 FROM msdb.dbo.log_shipping_primary_secondaries s JOIN msdb.dbo.log_shipping_primary_databases p"
                        + " ON p.primary_id = s.primary_id WHERE p.primary_database = ? AND s.secondary_server = ?"
                        + " AND s.secondary_database = ?",
                database.value(),
                secondaryServer,
                database.value())) {
            primary.execute(
                    database,
                    "LOG_SHIPPING",
                    "EXEC master.dbo.sp_add_log_shipping_primary_secondary @primary_database = ?,"
                            + " @secondary_server = ?, @secondary_database = ?, @overwrite = 1",
                    database.value(),
                    secondaryServer,
                    database.value());
        }
        String copyJob = copyJob(primaryServer, database);
        String restoreJob = restoreJob(primaryServer, database);
        if (!exists(
                secondary,
                "SELECT 1 FROM msdb.dbo.log_shipping_secondary WHERE primary_server = ? AND primary_database = ?",
                primaryServer,
                database.value())) {
            secondary.execute(
                    database,
                    "LOG_SHIPPING",
                    "DECLARE @copy UNIQUEIDENTIFIER, @restore UNIQUEIDENTIFIER, @secondary UNIQUEIDENTIFIER,"
                            + " @job UNIQUEIDENTIFIER, @schedule INT;"
                            + " EXEC master.dbo.sp_add_log_shipping_secondary_primary @primary_server = ?,"
                            + " @primary_database = ?, @backup_source_directory = ?,"
                            + " @backup_destination_directory = ?, @copy_job_name = ?, @restore_job_name = ?,"
                            + " @file_retention_period = " + RETENTION_MINUTES + ", @overwrite = 1,"
                            + " @copy_job_id = @copy OUTPUT, @restore_job_id = @restore OUTPUT,"
                            + " @secondary_id = @secondary OUTPUT;"
                            + " SET @job = @copy;" + jobSchedule(schedule)
                            + " SET @job = @restore;" + jobSchedule(schedule),
                    primaryServer,
                    database.value(),
                    backupShare.toString(),
                    copyFolder.toString(),
                    copyJob,
                    restoreJob,
                    copyJob,
                    restoreJob);
        }
        if (exists(
                secondary,
                "SELECT 1 FROM msdb.dbo.log_shipping_secondary_databases WHERE secondary_database = ?",
                database.value())) {
            secondary.execute(
                    database,
                    "LOG_SHIPPING",
                    "EXEC master.dbo.sp_change_log_shipping_secondary_database @secondary_database = ?,"
                            + " @restore_threshold = " + schedule.restoreThresholdMinutes()
                            + ", @threshold_alert_enabled = 1",
                    database.value());
        } else {
            secondary.execute(
                    database,
                    "LOG_SHIPPING",
                    "EXEC master.dbo.sp_add_log_shipping_secondary_database @secondary_database = ?,"
                            + " @primary_server = ?, @primary_database = ?, @restore_delay = 0, @restore_mode = 0,"
                            + " @disconnect_users = 0, @restore_threshold = " + schedule.restoreThresholdMinutes()
                            + ", @threshold_alert_enabled = 1, @history_retention_period = " + HISTORY_MINUTES
                            + ", @overwrite = 1",
                    database.value(),
                    primaryServer,
                    database.value());
        }
    }

    private static String backupJob(DatabaseName database) {
        return "LSBackup_" + database.value();
    }

    private static String copyJob(String primaryServer, DatabaseName database) {
        return "LSCopy_" + primaryServer.replaceAll("[^A-Za-z0-9_]", "_") + "_" + database.value();
    }

    private static String restoreJob(String primaryServer, DatabaseName database) {
        return "LSRestore_" + primaryServer.replaceAll("[^A-Za-z0-9_]", "_") + "_" + database.value();
    }

    /** One round now, as {@code Invoke-DbaDbLogShipRecovery} drives it: the backup job, then copy, then restore. */
    public void runRound(DatabaseName database) {
        String primaryServer = serverName(primary);
        runJob(primary, database, backupJob(database));
        runJob(secondary, database, copyJob(primaryServer, database));
        runJob(secondary, database, restoreJob(primaryServer, database));
    }

    /** Starts an Agent job and waits until its run ends; a failed run is an error naming the job. */
    private static void runJob(SqlServerDatabaseAdministration side, DatabaseName database, String job) {
        String started = side.query(null, "SELECT CONVERT(NVARCHAR(30), SYSUTCDATETIME(), 126)")
                .orElseThrow();
        side.execute(database, "LOG_SHIPPING", "EXEC msdb.dbo.sp_start_job @job_name = ?", job);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            Optional<String> outcome = side.query(
                    null,
                    "SELECT TOP 1 CAST(h.run_status AS NVARCHAR(4)) FROM msdb.dbo.sysjobhistory h"
                            + " JOIN msdb.dbo.sysjobs j ON j.job_id = h.job_id WHERE j.name = ? AND h.step_id = 0"
                            + " AND msdb.dbo.agent_datetime(h.run_date, h.run_time) >= DATEADD(SECOND, -1,"
                            + " CONVERT(DATETIME2, ?, 126)) ORDER BY h.instance_id DESC",
                    job,
                    started);
            if (outcome.isPresent()) {
                if (!"1".equals(outcome.get())) {
                    throw new DatabaseAdministrationException(
                            "SQL Agent job " + job + " failed (run_status " + outcome.get() + "): see its history");
                }
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseAdministrationException("interrupted waiting for SQL Agent job " + job, e);
            }
        }
        throw new DatabaseAdministrationException("SQL Agent job " + job + " did not finish within 10 minutes");
    }

    /** A schedule every {@code everyMinutes} for the job in {@code @job}, named by the parameter, and the job enabled. */
    private static String jobSchedule(LogShippingSchedule schedule) {
        return " EXEC msdb.dbo.sp_add_schedule @schedule_name = ?, @enabled = 1, @freq_type = 4, @freq_interval = 1,"
                + " @freq_subday_type = 4, @freq_subday_interval = " + schedule.everyMinutes()
                + ", @schedule_id = @schedule OUTPUT;"
                + " EXEC msdb.dbo.sp_attach_schedule @job_id = @job, @schedule_id = @schedule;"
                + " EXEC msdb.dbo.sp_update_job @job_id = @job, @enabled = 1;";
    }

    /** The monitor as msdb sees it: the primary's row for the backup, the secondary's for copy and restore. */
    public LogShippingStatus monitor(InstanceName primaryName, InstanceName secondaryName, DatabaseName database) {
        Instant now = Instant.now();
        Row backup = monitorRow(primary, database, true);
        Row restore = monitorRow(secondary, database, false);
        return new LogShippingStatus(
                primaryName,
                secondaryName,
                database,
                backup == null ? null : backup.ago(now, "time_since_last_backup"),
                restore == null ? null : restore.ago(now, "time_since_last_copy"),
                restore == null ? null : restore.ago(now, "time_since_last_restore"),
                restore == null ? null : restore.text("last_restored_file"),
                backup == null ? 60 : backup.number("backup_threshold"),
                restore == null ? 45 : restore.number("restore_threshold"),
                LogShippingMethod.LOG_BACKUPS,
                null);
    }

    /** Removes both sides; each procedure only where msdb still holds its part, so a half-removed setup finishes. */
    public void remove(DatabaseName database) {
        String primaryServer = serverName(primary);
        String secondaryServer = serverName(secondary);
        if (exists(
                secondary,
                "SELECT 1 FROM msdb.dbo.log_shipping_secondary_databases WHERE secondary_database = ?",
                database.value())) {
            secondary.execute(
                    database,
                    "LOG_SHIPPING",
                    "EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = ?",
                    database.value());
        }
        if (exists(
                secondary,
                "SELECT 1 FROM msdb.dbo.log_shipping_secondary WHERE primary_server = ? AND primary_database = ?",
                primaryServer,
                database.value())) {
            secondary.execute(
                    database,
                    "LOG_SHIPPING",
                    "EXEC master.dbo.sp_delete_log_shipping_secondary_primary @primary_server = ?,"
                            + " @primary_database = ?",
                    primaryServer,
                    database.value());
        }
        if (exists(
                primary,
                "SELECT 1 FROM msdb.dbo.log_shipping_primary_secondaries s JOIN msdb.dbo.log_shipping_primary_databases p"
                        + " ON p.primary_id = s.primary_id WHERE p.primary_database = ? AND s.secondary_server = ?",
                database.value(),
                secondaryServer)) {
            primary.execute(
                    database,
                    "LOG_SHIPPING",
                    "EXEC master.dbo.sp_delete_log_shipping_primary_secondary @primary_database = ?,"
                            + " @secondary_server = ?, @secondary_database = ?",
                    database.value(),
                    secondaryServer,
                    database.value());
        }
        if (exists(
                primary,
                "SELECT 1 FROM msdb.dbo.log_shipping_primary_databases WHERE primary_database = ?",
                database.value())) {
            primary.execute(
                    database,
                    "LOG_SHIPPING",
                    "EXEC master.dbo.sp_delete_log_shipping_primary_database @database = ?",
                    database.value());
        }
    }

    private static String serverName(SqlServerDatabaseAdministration side) {
        return side.query(null, "SELECT CAST(@@SERVERNAME AS NVARCHAR(256))")
                .orElseThrow(() -> new DatabaseAdministrationException("the instance reports no @@SERVERNAME"));
    }

    private static boolean exists(SqlServerDatabaseAdministration side, String sql, String... params) {
        return side.query(null, sql, params).isPresent();
    }

    /** One row of sp_help_log_shipping_monitor for the database (primary or secondary side), null when none. */
    private static Row monitorRow(SqlServerDatabaseAdministration side, DatabaseName database, boolean isPrimary) {
        String sql = "EXEC master.dbo.sp_help_log_shipping_monitor";
        try {
            return side.recordedQuery(database, sql, () -> {
                try (Connection c = side.connection();
                        PreparedStatement q = c.prepareStatement(sql);
                        ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        if (database.value().equalsIgnoreCase(rs.getString("database_name"))
                                && rs.getBoolean("is_primary") == isPrimary) {
                            return Row.of(rs);
                        }
                    }
                    return null;
                }
            });
        } catch (SQLException | java.io.IOException e) {
            throw new DatabaseAdministrationException("sp_help_log_shipping_monitor failed: " + e.getMessage(), e);
        }
    }

    /** The monitor's columns read once, so the result set can close. */
    private record Row(java.util.Map<String, String> values) {
        static Row of(ResultSet rs) throws SQLException {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
            }
            return new Row(values);
        }

        Instant ago(Instant now, String minutesColumn) {
            return Optional.ofNullable(values.get(minutesColumn))
                    .map(m -> now.minusSeconds(60L * Long.parseLong(m.strip())))
                    .orElse(null);
        }

        String text(String column) {
            return values.get(column);
        }

        int number(String column) {
            String value = values.get(column);
            return value == null ? 0 : Integer.parseInt(value.strip());
        }
    }
}
