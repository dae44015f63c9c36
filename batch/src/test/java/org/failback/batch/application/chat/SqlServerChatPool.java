package org.failback.batch.application.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Properties;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.chat.ChatPoolStore;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.batch.infrastructure.pool.TopologyWriter;
import org.failback.domain.chat.ChatPoolState;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.Engine;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingSchedule;
import org.failback.domain.dbadmin.SqlInstance;
import org.failback.domain.pool.PoolName;

/**
 * The demo chat pool {@code pchat} as ChatPools.seed makes it, on two SQL Server instances ({@code sql-dc1} in site
 * dc1, {@code sql-dc2} in dc2) instead of embedded ones, with the product running log shipping of transaction-log
 * backups; and the pchat jobs' steps run in order, as their batchlets run them.
 */
final class SqlServerChatPool {

    static final String POOL = "pchat";

    private SqlServerChatPool() {}

    /** The pool with both databases shipped from sql-dc1 to sql-dc2 (each CREATE, backup and restore issued). */
    static void seed(
            Connection c, DatabaseAdministrations admins, String primaryUrl, String backupUrl, DatabaseOperationLog log)
            throws SQLException, IOException {
        TopologyWriter writer = new TopologyWriter(c);
        writer.createSite(PoolName.of("dc1"));
        writer.createSite(PoolName.of("dc2"));
        SqlTopologyStore topology = new SqlTopologyStore(c);
        int p = topology.createInstance(
                new SqlInstance(InstanceName.of("sql-dc1"), "dc1", Engine.SQL_SERVER, primaryUrl, "primary"),
                "copy-dc1");
        int b = topology.createInstance(
                new SqlInstance(InstanceName.of("sql-dc2"), "dc2", Engine.SQL_SERVER, backupUrl, "backup"), "copy-dc2");
        int pool = topology.createChatPool(POOL, p, b);
        ChatPoolStore store = new ChatPoolStore(c);
        store.setActiveInstance(pool, p);
        LogShippingService shipping = new LogShippingService(c, admins);
        for (DatabaseName db : ChatPools.DATABASES) {
            Files.createDirectories(
                    admins.folder(ChatPools.SHARE).resolve(db.value()).path());
            shipping.configure(
                    InstanceName.of("sql-dc1"),
                    InstanceName.of("sql-dc2"),
                    db,
                    db.equals(ChatPools.MGC) ? "CHAT" : "COMPLIANCE",
                    pool,
                    ChatPools.SHARE,
                    LogShippingSchedule.DEFAULT,
                    null,
                    log);
        }
        store.addServer(pool, "chat1.dc1", "dc1", true);
        store.addServer(pool, "chat2.dc1", "dc1", true);
        store.addServer(pool, "chat1.dc2", "dc2", false);
    }

    /** One log-shipping round now: a log backup of each database, copied, restored on sql-dc2. */
    static void shipRound(Connection c, DatabaseAdministrations admins, long jobInstance, DatabaseOperationLog log)
            throws SQLException {
        LogShippingService shipping = new LogShippingService(c, admins);
        shipping.backup(POOL, jobInstance, null, log);
        shipping.copy(POOL, null, log);
        shipping.restore(POOL, null, log);
    }

    /** {@code from → to}, as the API's outage, failover and failback POSTs move the pool before their jobs start. */
    static void transition(Connection c, ChatPoolState from, ChatPoolState to) throws SQLException {
        ChatPoolStore store = new ChatPoolStore(c);
        store.transition(ChatPools.require(c, POOL).id(), EnumSet.of(from), to);
    }

    /** Each step of the job once, in order, as its batchlets run them. */
    static void runJob(
            Connection c, DatabaseAdministrations admins, PchatStep.Job job, long jobInstance, DatabaseOperationLog log)
            throws Exception {
        for (PchatStep step : PchatStep.of(job)) {
            runStep(c, admins, step, jobInstance, log);
        }
    }

    static void runStep(
            Connection c, DatabaseAdministrations admins, PchatStep step, long jobInstance, DatabaseOperationLog log)
            throws Exception {
        PchatRunbook.run(
                step, new StepRun(c, admins, POOL, jobInstance, 1000 + jobInstance, failbackParameters(), log));
    }

    private static Properties failbackParameters() {
        Properties parameters = new Properties();
        parameters.setProperty("activeServers", "chat1.dc1,chat2.dc1");
        return parameters;
    }
}
