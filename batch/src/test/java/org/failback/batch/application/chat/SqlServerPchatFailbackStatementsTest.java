package org.failback.batch.application.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.chat.ChatPoolStore;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.InstanceCredentials;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.batch.infrastructure.dbadmin.ScriptedSqlServer;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.domain.chat.ChatPoolState;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.SqlInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The T-SQL the pchat-failback job issues to SQL Server, statement by statement and in order: the product's runbook
 * (PchatRunbook, as its batchlets run it) through the product's SQL Server adapter, against two scripted stand-ins
 * for the instances (ScriptedSqlServer: no SQL Server can run here). What SQL Server does with the statements is
 * SqlServerPchatFailbackTest's, against real containers.
 */
class SqlServerPchatFailbackStatementsTest {

    @TempDir
    Path data;

    private final ScriptedSqlServer dc1 = new ScriptedSqlServer("sql-dc1", "Linux");
    private ScriptedSqlServer dc2 = new ScriptedSqlServer("sql-dc2", "Linux");
    private final List<String> log = new ArrayList<>();
    private DataSource product;
    private DatabaseAdministrations admins;

    @BeforeEach
    void failedOver() throws Exception {
        Files.writeString(data.resolve("credentials.properties"), "");
        product = MigratedProductDatabase.at(data.resolve("product"));
        admins =
                new DatabaseAdministrations(
                        data,
                        new JdbcCommandLog(product),
                        new InstanceCredentials(data.resolve("credentials.properties"))) {
                    @Override
                    protected DataSource master(SqlInstance instance) {
                        return (instance.name().value().equals("sql-dc1") ? dc1 : dc2).dataSource();
                    }
                };
    }

    /** The pool shipped once, the primary lost, failed over, the primary rebuilt empty, the failback started. */
    private void readyToFailBack(Connection c) throws Exception {
        SqlServerChatPool.seed(c, admins, "jdbc:sqlserver://sql-dc1:1433", "jdbc:sqlserver://sql-dc2:1433", log::add);
        SqlServerChatPool.shipRound(c, admins, 1L, log::add);
        SqlServerChatPool.transition(c, ChatPoolState.NORMAL, ChatPoolState.DOWN);
        dc1.lose();
        SqlServerChatPool.transition(c, ChatPoolState.DOWN, ChatPoolState.FAILING_OVER);
        dc2.forgetStatements();
        SqlServerChatPool.runJob(c, admins, PchatStep.Job.FAILOVER, 11L, log::add);
        assertEquals(
                List.of("RESTORE DATABASE [mgc] WITH RECOVERY", "RESTORE DATABASE [mgccomp] WITH RECOVERY"),
                dc2.statements().stream()
                        .filter(s -> s.startsWith("RESTORE DATABASE"))
                        .toList(),
                "the failover recovers both databases on the backup");
        for (DatabaseName db : ChatPools.DATABASES) {
            var primary =
                    admins.forInstance(ChatPools.require(c, "pchat").primary().instance(), null, log::add);
            primary.createDatabase(db);
        }
        new ChatPoolStore(c).setPrimaryRebuilt(ChatPools.require(c, "pchat").id(), true);
        SqlServerChatPool.transition(c, ChatPoolState.FAILED_OVER, ChatPoolState.FAILING_BACK);
        dc1.forgetStatements();
        dc2.forgetStatements();
    }

    @Test
    void failbackBacksUpWithChecksumVerifiesRestoresThePrimaryWithMoveReplaceRecoveryAndTheBackupWithNoRecovery()
            throws Exception {
        try (Connection c = product.getConnection()) {
            readyToFailBack(c);
            SqlServerChatPool.runJob(c, admins, PchatStep.Job.FAILBACK, 12L, log::add);
            assertEquals(ChatPoolState.NORMAL, ChatPools.require(c, "pchat").state());
        }
        List<String> backup = new ArrayList<>();
        for (String db : List.of("mgc", "mgccomp")) {
            backup.add("EXEC master.sys.xp_dirtree ?, 1, 1  -- parameters: '<data>/shares/log-shipping/" + db + "'");
            backup.add("EXEC master.sys.xp_create_subdir ?  -- parameters: '<data>/copy-dc2/" + db + "'");
            backup.add("BACKUP DATABASE [model] TO DISK = ? WITH COPY_ONLY, INIT  -- parameters: '<data>/copy-dc2/" + db
                    + "/access-probe.bak'");
            backup.add("EXEC master.dbo.xp_delete_file 0, ?  -- parameters: '<data>/copy-dc2/" + db
                    + "/access-probe.bak'");
        }
        for (String db : List.of("mgc", "mgccomp")) {
            backup.add(
                    "BACKUP DATABASE [" + db + "] TO DISK = ? WITH CHECKSUM, INIT  -- parameters: '" + file(db) + "'");
            backup.add("RESTORE VERIFYONLY FROM DISK = ? WITH CHECKSUM  -- parameters: '" + file(db) + "'");
        }
        List<String> primary = new ArrayList<>();
        for (String db : List.of("mgc", "mgccomp")) {
            primary.add("RESTORE VERIFYONLY FROM DISK = ? WITH CHECKSUM  -- parameters: '" + file(db) + "'");
            primary.addAll(restore(db, "REPLACE, RECOVERY"));
        }
        for (String db : List.of("mgc", "mgccomp")) {
            backup.addAll(restore(db, "REPLACE, NORECOVERY"));
        }
        assertEquals(primary, normalized(dc1), "sql-dc1, the primary: step 4");
        assertEquals(backup, normalized(dc2), "sql-dc2, the backup: steps 3 and 5");
        assertEquals("ONLINE", dc1.state("mgc").orElseThrow());
        assertEquals("RESTORING", dc2.state("mgc").orElseThrow(), "reprotected: waiting for the primary's logs");
    }

    /** Where a restore moves each file (its current one on the target) and what it issues, on one connection. */
    private List<String> restore(String db, String options) {
        String moves = "'" + file(db) + "' '" + db + "' '/var/opt/mssql/data/" + db + ".mdf' '" + db
                + "_log' '/var/opt/mssql/data/" + db + "_log.ldf'";
        return List.of(
                "RESTORE FILELISTONLY FROM DISK = ?  -- parameters: '" + file(db) + "'",
                "RESTORE VERIFYONLY FROM DISK = ? WITH MOVE ? TO ?, MOVE ? TO ?, CHECKSUM  -- parameters: " + moves,
                "ALTER DATABASE [" + db + "] SET SINGLE_USER WITH ROLLBACK IMMEDIATE",
                "RESTORE DATABASE [" + db + "] FROM DISK = ? WITH MOVE ? TO ?, MOVE ? TO ?, CHECKSUM, " + options
                        + "  -- parameters: " + moves);
    }

    private static String file(String db) {
        return "<data>/shares/log-shipping/" + db + "/" + db + "-sql-dc2-failback-12-1-<stamp>.bak";
    }

    @Test
    void aRestartAfterTheReprotectIssuesNoSecondBackupOrRestoreAndTheBackupThenRestoresThePrimarysLogs()
            throws Exception {
        try (Connection c = product.getConnection()) {
            readyToFailBack(c);
            List<PchatStep> steps = PchatStep.of(PchatStep.Job.FAILBACK);
            int configure = steps.indexOf(PchatStep.CONFIGURE_LOG_SHIPPING);
            for (PchatStep step : steps.subList(0, configure + 1)) {
                SqlServerChatPool.runStep(c, admins, step, 12L, log::add);
            }
            dc1.forgetStatements();
            dc2.forgetStatements();
            // A kill -9 before CONFIGURE_LOG_SHIPPING was recorded: a restart runs the steps from the backup again.
            for (PchatStep step : steps.subList(steps.indexOf(PchatStep.BACKUP_MGC_TO_SHARE), steps.size())) {
                SqlServerChatPool.runStep(c, admins, step, 12L, log::add);
            }
            assertEquals(ChatPoolState.NORMAL, ChatPools.require(c, "pchat").state());
            List<String> again = new ArrayList<>(dc1.statements());
            again.addAll(dc2.statements());
            assertTrue(
                    again.stream()
                            .noneMatch(s -> s.startsWith("BACKUP DATABASE [mgc")
                                    || s.startsWith("RESTORE DATABASE")
                                    || s.startsWith("ALTER DATABASE")),
                    "the backup is checked, not taken again; each restore is found in the restore history: " + again);
            dc1.forgetStatements();
            dc2.forgetStatements();
            SqlServerChatPool.shipRound(c, admins, 2L, log::add);
        }
        assertEquals(
                List.of("BACKUP LOG [mgc]", "BACKUP LOG [mgccomp]"),
                dc1.statements().stream()
                        .filter(s -> s.startsWith("BACKUP LOG"))
                        .map(s -> s.substring(0, s.indexOf(']') + 1))
                        .toList(),
                "the new primary ships its log");
        assertEquals(
                List.of("RESTORE LOG [mgc]", "RESTORE LOG [mgccomp]"),
                dc2.statements().stream()
                        .filter(s -> s.startsWith("RESTORE LOG"))
                        .map(s -> s.substring(0, s.indexOf(']') + 1))
                        .toList(),
                "the reprotected backup applies it (the scripted server refuses a log restore unless RESTORING)");
    }

    @Test
    void onWindowsTheMirroredBackupDatabaseLosesItsPartnerAndTheOtherIsLeftAlone() throws Exception {
        dc2 = new ScriptedSqlServer("sql-dc2", "Windows");
        try (Connection c = product.getConnection()) {
            readyToFailBack(c);
            dc2.mirror("mgc", "PRINCIPAL");
            SqlServerChatPool.runStep(c, admins, PchatStep.CLEAR_ACTIVE_SERVERS, 12L, log::add);
            SqlServerChatPool.runStep(c, admins, PchatStep.REMOVE_MIRRORING, 12L, log::add);
        }
        assertEquals(List.of("ALTER DATABASE [mgc] SET PARTNER OFF"), dc2.statements());
    }

    private List<String> normalized(ScriptedSqlServer server) {
        String root = data.toAbsolutePath().normalize().toString();
        return server.statements().stream()
                .map(s -> s.replace(root, "<data>").replaceAll("\\d{8}T\\d{6}Z", "<stamp>"))
                .toList();
    }
}
