package org.failback.batch.application.pool;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.failback.batch.application.lis.LisBackupService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.pool.TopologyWriter;
import org.failback.domain.pool.PoolName;

/**
 * Creates topology with the batched JDBC of {@link TopologyWriter} inside one JTA transaction, so a refused or failed
 * request leaves no half-created pair behind.
 */
@ApplicationScoped
public class TopologyAdministration {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Transactional
    public void createPair(PairRequest request) {
        try (Connection connection = dataSource.getConnection()) {
            for (PoolName pool : new PoolName[] {request.pool(), request.backupPool()}) {
                if (idOf(connection, "fe_pool", pool).isPresent()) {
                    throw new AlreadyExistsException("a Front End pool named '" + pool + "' exists already");
                }
            }
            TopologyWriter writer = new TopologyWriter(connection);
            int site = siteOf(connection, writer, request.site());
            int backupSite = siteOf(connection, writer, request.backupSite());
            if (!linked(connection, site, backupSite)) {
                writer.linkSites(site, backupSite, request.lowLatency());
            }
            int pool = writer.createPool(request.pool(), site, request.resiliencyTimerSeconds());
            int backup = writer.createPool(request.backupPool(), backupSite, request.resiliencyTimerSeconds());
            writer.pair(pool, backup);
            writer.pair(backup, pool);
            writer.addUsers(pool, request.pool(), request.users());
            writer.addUsers(backup, request.backupPool(), request.users());
            if (request.lisBackup()) {
                // Failover restores the pool's latest LIS backup: a new pool starts with a verified one.
                LisBackupService lis = new LisBackupService(
                        LisStorage.current(), new LoggingOperationLog("[lis first backup] "), null);
                lis.takeVerifiedFirst(connection, request.pool());
                lis.takeVerifiedFirst(connection, request.backupPool());
            }
            // Seed 000: "regularly back up the LIS database", new pools as the demo's.
            LisBackupService.scheduleIfMissing(connection, request.pool());
            LisBackupService.scheduleIfMissing(connection, request.backupPool());
        } catch (SQLException e) {
            // Two requests racing for the same name end here on the unique constraint; the transaction rolls back.
            throw new AlreadyExistsException("topology not created: " + e.getMessage());
        }
    }

    private static int siteOf(Connection connection, TopologyWriter writer, PoolName site) throws SQLException {
        OptionalInt existing = idOf(connection, "site", site);
        return existing.isPresent() ? existing.getAsInt() : writer.createSite(site);
    }

    private static OptionalInt idOf(Connection connection, String table, PoolName name) throws SQLException {
        // table is one of two literals above, never request text
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM " + table + " WHERE name = ?")) {
            query.setString(1, name.value());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static boolean linked(Connection connection, int siteA, int siteB) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT 1 FROM site_link WHERE site_a = ? AND site_b = ?")) {
            query.setInt(1, Math.min(siteA, siteB));
            query.setInt(2, Math.max(siteA, siteB));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
