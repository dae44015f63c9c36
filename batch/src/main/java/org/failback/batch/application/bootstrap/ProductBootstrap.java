package org.failback.batch.application.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.failback.batch.application.chat.ChatPools;
import org.failback.batch.application.dbadmin.DemoSqlTopology;
import org.failback.batch.application.dbadmin.SqlInstances;
import org.failback.batch.application.demo.DemoTopology;
import org.failback.batch.application.demo.LisDemo;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;
import org.failback.batch.infrastructure.engine.DataDirectory;
import org.failback.batch.infrastructure.engine.ProductReadiness;
import org.failback.batch.infrastructure.engine.SchemaMigration;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.security.PortalAccounts;

/**
 * Readies the product before it answers anything: schema migrated, accounts and credentials file in place,
 * demo topology seeded into an empty database. Until then /api/health is not UP.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class ProductBootstrap {

    private static final Logger LOG = Logger.getLogger(ProductBootstrap.class.getName());

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    private DataSource dataSource;

    @Inject
    ProductReadiness readiness;

    @Inject
    ManagedDatabases databases;

    @PostConstruct
    void start() {
        Path data = DataDirectory.ensureDirectory(DataDirectory.root());
        Path credentials = data.resolve("credentials.properties");
        try {
            SchemaMigration.migrate(dataSource);
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                PortalAccounts.ensure(connection, credentials);
                DemoTopology demo = new DemoTopology(connection);
                if (!demo.isSeeded()) {
                    demo.seed(DemoTopology.configuredUsers());
                    LisDemo.seed(connection, LisStorage.current());
                }
                DemoSqlTopology.seedIfMissing(connection, databases.administrations());
                for (String instance : SqlInstances.pointAtConfiguredServers(connection, databases.administrations())) {
                    LOG.info("SQL instance " + instance + " points at its configured SQL Server");
                }
                ChatPools.seedDemo(connection, databases.administrations());
                connection.commit();
                // Posts a killed server left half-written (in mgc, maybe not in mgccomp) are finished now.
                int completed = ChatPools.completePending(connection, databases.administrations());
                if (completed > 0) {
                    LOG.info("finished " + completed + " chat posts' compliance copies left by the last run");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Pool Failback Portal could not start: " + e.getMessage(), e);
        }
        readiness.ready();
        LOG.info("Pool Failback Portal ready. Data: " + data + "  Credentials: " + credentials);
    }
}
