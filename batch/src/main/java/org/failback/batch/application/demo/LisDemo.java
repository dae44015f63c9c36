package org.failback.batch.application.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.failback.batch.application.lis.LisBackupService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.lis.LisLocationStore;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.lis.LisLocation;
import org.failback.domain.pool.PoolName;

/**
 * The demo LIS data of the API contract: 25 locations per demo pool (distinct per pool: dc1 in Seattle, dc2 in Dublin), a
 * first verified backup of each, and a default schedule (hourly, keep 24). Runs with the demo topology seeding.
 */
public final class LisDemo {

    private static final Logger LOG = Logger.getLogger(LisDemo.class.getName());
    public static final int LOCATIONS_PER_POOL = 25;

    private LisDemo() {}

    public static void seed(Connection product, LisStorage storage) throws SQLException {
        LisBackupService service = new LisBackupService(storage, new LoggingOperationLog("[lis demo] "), null);
        seedPool(product, storage, service, PoolName.of("fe-dc1"), 1, "Seattle", "WA", "98101", "US", "Pine Street");
        seedPool(product, storage, service, PoolName.of("fe-dc2"), 2, "Dublin", null, "D02", "IE", "Grand Canal Quay");
    }

    /**
     * Creates the pool's LIS database if needed and takes a verified backup of it, synchronously: what a pool needs
     * before failover can restore its LIS (also for pools created through the topology API).
     */
    private static void seedPool(
            Connection product,
            LisStorage storage,
            LisBackupService service,
            PoolName pool,
            int octet,
            String city,
            String state,
            String postalCode,
            String country,
            String street)
            throws SQLException {
        try (Connection lis = storage.open(product, pool)) {
            if (LisLocationStore.count(lis) == 0) {
                for (int n = 1; n <= LOCATIONS_PER_POOL; n++) {
                    LisLocationStore.insert(
                            lis,
                            LisLocation.of(
                                    pool.value() + " building " + ((n - 1) / 5 + 1) + " floor " + ((n - 1) % 5 + 1),
                                    String.valueOf(100 + n),
                                    street,
                                    city,
                                    state,
                                    postalCode,
                                    country,
                                    "10." + octet + "." + n + ".0/24"));
                }
            }
        }
        StoredBackup first = service.takeVerifiedFirst(product, pool);
        LisBackupService.scheduleIfMissing(product, pool);
        LOG.info(() -> "LIS of " + pool + ": " + LOCATIONS_PER_POOL + " locations, first backup " + first.fileName()
                + " verified");
    }
}
