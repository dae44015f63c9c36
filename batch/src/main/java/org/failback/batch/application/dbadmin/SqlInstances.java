package org.failback.batch.application.dbadmin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.InstanceCredentials;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore.DatabaseRow;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore.InstanceRow;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.DatabaseState;
import org.failback.domain.dbadmin.Engine;
import org.failback.domain.dbadmin.LogShippingStatus;
import org.failback.domain.dbadmin.SqlInstance;

/** The SQL instances of the topology as GET /api/sql/instances shows them, and instances created for new sites. */
public final class SqlInstances {

    private SqlInstances() {}

    /** One instance: its engine's capabilities and each managed database with its state and log-shipping monitor. */
    public record InstanceView(
            String name, String site, String engine, List<Capability> capabilities, List<DatabaseView> databases) {}

    public record DatabaseView(
            String name,
            String purpose,
            String state,
            String recoveryModel,
            String mirroring,
            LogShippingStatus logShipping,
            boolean alert) {}

    public static List<InstanceView> list(Connection product, DatabaseAdministrations administrations)
            throws SQLException {
        SqlTopologyStore topology = new SqlTopologyStore(product);
        LogShippingStore shipping = new LogShippingStore(product);
        List<LogShippingStore.Config> configs = shipping.all();
        Instant now = Instant.now();
        List<InstanceView> views = new ArrayList<>();
        for (InstanceRow row : topology.instances()) {
            DatabaseAdministration admin = administrations.forInstance(row.instance(), null, DatabaseOperationLog.NONE);
            List<Capability> capabilities;
            try {
                capabilities = admin.capabilities().stream().sorted().toList();
            } catch (DatabaseAdministrationException | IllegalStateException e) {
                capabilities = List.of();
            }
            List<DatabaseView> databases = new ArrayList<>();
            for (DatabaseRow db : topology.databases(row.id())) {
                Optional<DatabaseState> state;
                try {
                    state = admin.describe(db.name());
                } catch (DatabaseAdministrationException | IllegalStateException e) {
                    state = Optional.of(new DatabaseState(db.name(), "UNREACHABLE", null, null));
                }
                LogShippingStatus status = null;
                for (LogShippingStore.Config config : configs) {
                    boolean involved = config.database().equals(db.name())
                            && (config.primary().equals(row.name())
                                    || config.secondary().equals(row.name()));
                    if (involved) {
                        status = monitor(product, administrations, config);
                    }
                }
                databases.add(new DatabaseView(
                        db.name().value(),
                        db.purpose(),
                        state.map(DatabaseState::state).orElse("MISSING"),
                        state.map(DatabaseState::recoveryModel).orElse(null),
                        state.map(DatabaseState::mirroring).orElse(null),
                        status,
                        status != null && status.alert(now)));
            }
            views.add(new InstanceView(
                    row.name().value(),
                    row.instance().site(),
                    row.instance().engine().name(),
                    capabilities,
                    databases));
        }
        return views;
    }

    /** The monitor of a configuration; an engine that cannot be reached shows no monitor rather than failing all. */
    private static LogShippingStatus monitor(
            Connection product, DatabaseAdministrations administrations, LogShippingStore.Config config)
            throws SQLException {
        try {
            return new LogShippingService(product, administrations).status(config);
        } catch (DatabaseAdministrationException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * Points every instance with a configured URL ({@code FAILBACK_SQL_<KEY>_URL} or {@code sql.<key>.url} in the
     * credentials file) at that SQL Server; answers the names pointed. The URL is validated as an instance's is.
     */
    public static List<String> pointAtConfiguredServers(Connection product, DatabaseAdministrations administrations)
            throws SQLException {
        SqlTopologyStore topology = new SqlTopologyStore(product);
        List<String> pointed = new ArrayList<>();
        for (InstanceRow row : topology.instances()) {
            String key = InstanceCredentials.keyOf(row.name());
            Optional<String> url = administrations.credentials().url(key);
            if (url.isPresent() && !url.get().equals(row.instance().jdbcUrl())) {
                SqlInstance server =
                        new SqlInstance(row.name(), row.instance().site(), Engine.SQL_SERVER, url.get(), key);
                topology.pointAt(row.id(), server.jdbcUrl(), server.credentialsKey());
                pointed.add(row.name().value());
            }
        }
        return pointed;
    }
}
