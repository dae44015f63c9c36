package org.failback.batch.application.dbadmin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.batch.infrastructure.engine.DataDirectory;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingSchedule;

/**
 * The demo's SQL side (API.md): embedded instances {@code sql-dc1} and {@code sql-dc2}, each holding {@code mgc} and
 * {@code mgccomp}, the chat pool {@code pchat} (primary sql-dc1, backup sql-dc2) and log shipping of both databases
 * from sql-dc1 to sql-dc2 through the share, every 15 minutes, thresholds 60/45. The seed ships {@code mgc}; we
 * ship {@code mgccomp} too so the compliance copy survives a failover.
 */
public final class DemoSqlTopology {

    private static final Logger LOG = Logger.getLogger(DemoSqlTopology.class.getName());

    public static final String CHAT_POOL = "pchat";
    public static final InstanceName PRIMARY = InstanceName.of("sql-dc1");
    public static final InstanceName BACKUP = InstanceName.of("sql-dc2");
    public static final String SHARE = "shares/log-shipping";
    public static final DatabaseName MGC = DatabaseName.of("mgc");
    public static final DatabaseName MGCCOMP = DatabaseName.of("mgccomp");

    private DemoSqlTopology() {}

    /**
     * Seeds the SQL side unless it is there: also into a data directory seeded before SQL instances existed, when it
     * has the demo's sites.
     */
    public static boolean seedIfMissing(Connection product, DatabaseAdministrations administrations)
            throws SQLException {
        SqlTopologyStore topology = new SqlTopologyStore(product);
        if (topology.chatPool(CHAT_POOL).isPresent() || !topology.siteExists("dc1") || !topology.siteExists("dc2")) {
            return false;
        }
        seed(product, administrations);
        return true;
    }

    public static void seed(Connection product, DatabaseAdministrations administrations) throws SQLException {
        SqlTopologyStore topology = new SqlTopologyStore(product);
        int primary = topology.ensureInstance("dc1", PRIMARY);
        int backup = topology.ensureInstance("dc2", BACKUP);
        int chatPool = topology.createChatPool(CHAT_POOL, primary, backup);
        DatabaseOperationLog log = line -> LOG.info(() -> "[demo sql] " + line);
        for (InstanceName instance : new InstanceName[] {PRIMARY, BACKUP}) {
            var admin = administrations.forInstance(
                    topology.instance(instance).orElseThrow().instance(), null, log);
            admin.createDatabase(MGC);
            admin.createDatabase(MGCCOMP);
        }
        // The demo's file server: the share both instances read, one folder per shipped database.
        for (DatabaseName database : new DatabaseName[] {MGC, MGCCOMP}) {
            DataDirectory.ensureDirectory(
                    administrations.folder(SHARE).resolve(database.value()).path());
        }
        LogShippingService shipping = new LogShippingService(product, administrations);
        shipping.configure(PRIMARY, BACKUP, MGC, "CHAT", chatPool, SHARE, LogShippingSchedule.DEFAULT, null, log);
        shipping.configure(
                PRIMARY, BACKUP, MGCCOMP, "COMPLIANCE", chatPool, SHARE, LogShippingSchedule.DEFAULT, null, log);
    }
}
