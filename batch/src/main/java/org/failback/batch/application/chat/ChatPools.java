package org.failback.batch.application.chat;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.chat.ChatDatabases;
import org.failback.batch.infrastructure.chat.ChatPoolStore;
import org.failback.batch.infrastructure.chat.ChatPoolStore.PoolRow;
import org.failback.batch.infrastructure.chat.EmbeddedDataCentreLoss;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore.InstanceRow;
import org.failback.domain.chat.ActiveServerRule;
import org.failback.domain.chat.ChatNotFoundException;
import org.failback.domain.chat.ChatPoolName;
import org.failback.domain.chat.ChatPoolState;
import org.failback.domain.chat.ChatServer;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.DatabaseState;
import org.failback.domain.dbadmin.Engine;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingSchedule;
import org.failback.domain.dbadmin.LogShippingStatus;
import org.failback.domain.pool.IllegalTransitionException;

/**
 * The Persistent Chat pool: what it looks like, the operator's declarations (primary data centre lost, primary
 * rebuilt), its active servers under the seed's locality rule, and new pools (tests and operators).
 */
@ApplicationScoped
public class ChatPools {

    private static final Logger LOG = Logger.getLogger(ChatPools.class.getName());

    public static final DatabaseName MGC = DatabaseName.of(ChatDatabases.MGC);
    public static final DatabaseName MGCCOMP = DatabaseName.of(ChatDatabases.MGCCOMP);
    public static final List<DatabaseName> DATABASES = List.of(MGC, MGCCOMP);
    public static final String SHARE = "shares/log-shipping";

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Inject
    ManagedDatabases databases;

    /** A piece of work on a connection to the product database. */
    interface OnProduct<T> {
        T run(Connection c) throws Exception;
    }

    <T> T onProduct(OnProduct<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The pool named {@code name}, or ChatNotFoundException (a malformed name is IllegalArgumentException). */
    static PoolRow require(Connection c, String name) throws SQLException {
        String valid = ChatPoolName.of(name).value();
        return new ChatPoolStore(c)
                .pool(valid)
                .orElseThrow(() -> new ChatNotFoundException("no Persistent Chat pool named '" + valid + "'"));
    }

    public List<String> names() {
        return onProduct(c -> new ChatPoolStore(c).names());
    }

    public ChatPoolView view(String pool) {
        return onProduct(c -> view(c, require(c, pool)));
    }

    ChatPoolView view(Connection c, PoolRow row) throws SQLException {
        ChatPoolStore store = new ChatPoolStore(c);
        LogShippingStore shipping = new LogShippingStore(c);
        boolean shippingRemoved = shipping.removed(row.name());
        List<LogShippingStore.Config> configs = shipping.ofChatPool(row.name());
        List<ChatServer> servers = store.servers(row.id());
        DatabaseAdministrations admins = databases.administrations();
        Instant now = Instant.now();
        List<ChatPoolView.DatabaseView> dbs = new ArrayList<>();
        for (InstanceRow instance : List.of(row.primary(), row.backup())) {
            DatabaseAdministration admin = admins.forInstance(instance.instance(), null, DatabaseOperationLog.NONE);
            for (DatabaseName db : DATABASES) {
                Optional<DatabaseState> state;
                try {
                    state = admin.describe(db);
                } catch (DatabaseAdministrationException | IllegalStateException e) {
                    state = Optional.of(new DatabaseState(db, "UNREACHABLE", null, null));
                }
                ChatPoolView.LogShippingView monitor = null;
                String role = "STANDALONE";
                Instant lastBackup = null;
                for (LogShippingStore.Config config : configs) {
                    if (!config.database().equals(db)) {
                        continue;
                    }
                    LogShippingStatus status = shipping.status(config);
                    if (config.primary().equals(instance.name())) {
                        lastBackup = status.lastBackup();
                    }
                    if (shippingRemoved) {
                        continue;
                    }
                    if (config.primary().equals(instance.name())) {
                        role = "PRIMARY";
                    } else if (config.secondary().equals(instance.name())) {
                        role = "SECONDARY";
                    } else {
                        continue;
                    }
                    monitor = new ChatPoolView.LogShippingView(
                            status.primary().value(),
                            status.secondary().value(),
                            status.lastBackup(),
                            status.lastCopy(),
                            status.lastRestore(),
                            status.lastRestoredFile(),
                            status.backupThresholdMinutes(),
                            status.restoreThresholdMinutes(),
                            status.method().name(),
                            status.alert(now));
                }
                if (shippingRemoved && instance.id() == row.active().id()) {
                    role = "PRIMARY";
                }
                dbs.add(new ChatPoolView.DatabaseView(
                        db.value(),
                        instance.name().value(),
                        role,
                        state.map(DatabaseState::state).orElse("MISSING"),
                        state.map(DatabaseState::mirroring).orElse(null),
                        monitor,
                        lastBackup));
            }
        }
        return new ChatPoolView(
                row.name(),
                row.state().name(),
                servers.stream()
                        .filter(ChatServer::active)
                        .map(ChatServer::name)
                        .toList(),
                new ChatPoolView.Side(
                        row.primary().name().value(), row.primary().instance().site()),
                new ChatPoolView.Side(
                        row.backup().name().value(), row.backup().instance().site()),
                dbs,
                row.recoveryFile() == null
                        ? null
                        : new ChatPoolView.RecoveryPoint(row.recoveryFile(), row.recoveryTakenAt()),
                servers.stream()
                        .map(s -> new ChatPoolView.ServerView(s.name(), s.site(), s.active()))
                        .toList(),
                row.active().name().value(),
                row.primaryRebuilt(),
                row.lockExecutionId());
    }

    /**
     * The primary data centre is lost: {@code NORMAL → DOWN}. Its chat servers and its mgc/mgccomp (and their mirror)
     * are gone; what is on the log-shipping share survives. An embedded primary's databases are really taken away
     * (moved aside under the instance's {@code lost/} folder), so the failover and the rebuild work on what a real
     * loss leaves; a SQL Server primary is only declared lost.
     */
    public ChatPoolView outage(String pool) {
        return onProduct(c -> ChatAvailability.exclusively(pool, () -> {
            PoolRow row = require(c, pool);
            row.state().to(ChatPoolState.DOWN, row.name());
            if (row.lockJobName() != null) {
                throw new IllegalTransitionException(
                        "chat pool " + row.name() + ": job " + row.lockJobName() + " is running");
            }
            new ChatPoolStore(c).transition(row.id(), ChatPoolState.sourcesOf(ChatPoolState.DOWN), ChatPoolState.DOWN);
            if (row.primary().instance().engine() == Engine.H2) {
                EmbeddedDataCentreLoss.lose(
                        databases.administrations().databasesOf(row.primary().name()), DATABASES, Instant.now());
            }
            LOG.info(() -> "chat pool " + row.name() + " DOWN: primary "
                    + row.primary().name() + " lost");
            return view(c, require(c, pool));
        }));
    }

    /**
     * The primary was rebuilt (Topology Builder reinstalled empty mgc and mgccomp there): allowed while FAILED_OVER;
     * creates them when missing, each CREATE DATABASE in the command log.
     */
    public ChatPoolView rebuildPrimary(String pool, String by) {
        return onProduct(c -> {
            PoolRow row = require(c, pool);
            if (row.state() != ChatPoolState.FAILED_OVER) {
                throw new IllegalTransitionException("chat pool " + row.name() + " is " + row.state()
                        + ": the primary is rebuilt after a failover (FAILED_OVER)");
            }
            DatabaseAdministration primary = databases
                    .administrations()
                    .forInstance(row.primary().instance(), null, line -> LOG.info(() -> "[" + by + "] " + line));
            for (DatabaseName db : DATABASES) {
                primary.createDatabase(db);
            }
            new ChatPoolStore(c).setPrimaryRebuilt(row.id(), true);
            return view(c, require(c, pool));
        });
    }

    /**
     * Sets the active servers (Set-CsPersistentChatActiveServer): every one in the site of the database they will use
     * (the active instance's) or in a site with a low-latency link to it, else ACTIVE_SERVER_REMOTE and nothing
     * changes. Refused while a pchat job holds the pool (it sets them itself).
     */
    public ChatPoolView setActiveServers(String pool, List<String> requested) {
        return onProduct(c -> {
            PoolRow row = require(c, pool);
            List<String> servers = checkActiveServers(c, row, row.active(), requested);
            if (row.lockJobName() != null) {
                throw new org.failback.batch.infrastructure.jobs.JobRunningException("active servers of chat pool "
                        + row.name() + " refused: job " + row.lockJobName() + " is running");
            }
            if (row.state().dataPathLost()) {
                throw new IllegalTransitionException("chat pool " + row.name() + " is " + row.state()
                        + ": fail it over first (its active database is lost)");
            }
            return ChatAvailability.exclusively(row.name(), () -> {
                new ChatPoolStore(c).setActiveServers(row.id(), servers);
                return view(c, require(c, pool));
            });
        });
    }

    /** The seed's rule against the site of {@code database}'s instance; answers the list, validated. */
    static List<String> checkActiveServers(Connection c, PoolRow row, InstanceRow database, List<String> requested)
            throws SQLException {
        ChatPoolStore store = new ChatPoolStore(c);
        Map<String, String> sites = new LinkedHashMap<>();
        for (ChatServer s : store.servers(row.id())) {
            sites.put(s.name(), s.site());
        }
        return ActiveServerRule.check(requested, sites, database.instance().site(), (a, b) -> {
            try {
                return store.lowLatency(a, b);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A new chat pool between two existing sites: embedded instances {@code <name>-sql1} (primary site) and {@code
     * <name>-sql2} (backup site) with mgc and mgccomp each, log shipping of both (the demo's schedule), servers {@code
     * chat1.<primarySite>}, {@code chat2.<primarySite>} active and {@code chat1.<backupSite>} standby.
     */
    public ChatPoolView create(String name, String primarySite, String backupSite) {
        String pool = ChatPoolName.of(name).value();
        String fromSite = org.failback.domain.pool.PoolName.of(primarySite).value();
        String toSite = org.failback.domain.pool.PoolName.of(backupSite).value();
        if (fromSite.equals(toSite)) {
            throw new IllegalArgumentException("primarySite and backupSite must differ");
        }
        return onProduct(c -> {
            c.setAutoCommit(false);
            try {
                SqlTopologyStore topology = new SqlTopologyStore(c);
                for (String site : List.of(fromSite, toSite)) {
                    if (!topology.siteExists(site)) {
                        throw new IllegalArgumentException("no site named " + site);
                    }
                }
                if (new ChatPoolStore(c).pool(pool).isPresent()) {
                    throw new IllegalTransitionException("a chat pool named " + pool + " exists");
                }
                InstanceName primary = InstanceName.of(pool + "-sql1");
                InstanceName backup = InstanceName.of(pool + "-sql2");
                seed(c, databases.administrations(), pool, fromSite, primary, toSite, backup);
                c.commit();
                return view(c, require(c, pool));
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        });
    }

    static void seed(
            Connection c,
            DatabaseAdministrations admins,
            String pool,
            String primarySite,
            InstanceName primary,
            String backupSite,
            InstanceName backup)
            throws SQLException {
        SqlTopologyStore topology = new SqlTopologyStore(c);
        int primaryId = topology.ensureInstance(primarySite, primary);
        int backupId = topology.ensureInstance(backupSite, backup);
        int poolId = topology.createChatPool(pool, primaryId, backupId);
        new ChatPoolStore(c).setActiveInstance(poolId, primaryId);
        DatabaseOperationLog log = line -> LOG.info(() -> "[chat pool " + pool + "] " + line);
        for (InstanceName instance : List.of(primary, backup)) {
            DatabaseAdministration admin =
                    admins.forInstance(topology.instance(instance).orElseThrow().instance(), null, log);
            for (DatabaseName db : DATABASES) {
                admin.createDatabase(db);
            }
        }
        for (DatabaseName db : DATABASES) {
            org.failback.batch.infrastructure.engine.DataDirectory.ensureDirectory(
                    admins.folder(SHARE).resolve(db.value()).path());
        }
        LogShippingService shipping = new LogShippingService(c, admins);
        shipping.configure(primary, backup, MGC, "CHAT", poolId, SHARE, LogShippingSchedule.DEFAULT, null, log);
        shipping.configure(
                primary, backup, MGCCOMP, "COMPLIANCE", poolId, SHARE, LogShippingSchedule.DEFAULT, null, log);
        addDemoServers(c, poolId, primarySite, backupSite);
    }

    private static void addDemoServers(Connection c, int poolId, String primarySite, String backupSite)
            throws SQLException {
        ChatPoolStore store = new ChatPoolStore(c);
        store.addServer(poolId, "chat1." + primarySite, primarySite, true);
        store.addServer(poolId, "chat2." + primarySite, primarySite, true);
        store.addServer(poolId, "chat1." + backupSite, backupSite, false);
    }

    /**
     * The demo pool's chat servers (chat1.dc1, chat2.dc1 active, chat1.dc2 standby) and two rooms with messages, unless
     * there; run after the SQL side was seeded.
     */
    public static void seedDemo(Connection c, DatabaseAdministrations admins) throws SQLException {
        ChatPoolStore store = new ChatPoolStore(c);
        Optional<PoolRow> demo = store.pool("pchat");
        if (demo.isEmpty() || !store.servers(demo.get().id()).isEmpty()) {
            return;
        }
        PoolRow row = demo.get();
        addDemoServers(
                c,
                row.id(),
                row.primary().instance().site(),
                row.backup().instance().site());
        if (row.active().instance().engine() != Engine.H2) {
            return;
        }
        ChatDatabases chat =
                new ChatDatabases(db -> admins.openData(row.active().instance(), DatabaseName.of(db)));
        for (String room : List.of("general", "operations")) {
            store.addRoom(room, row.id());
            chat.createRoom(room);
            for (int i = 1; i <= 5; i++) {
                chat.post(room, "sip:user0000" + i + "@fe-dc1.example.com", "demo message " + i + " in " + room);
            }
        }
    }

    /** At start-up: every pool's posts that reached mgc but not (for sure) mgccomp are finished. */
    public static int completePending(Connection c, DatabaseAdministrations admins) throws SQLException {
        ChatPoolStore store = new ChatPoolStore(c);
        int done = 0;
        for (String name : store.names()) {
            PoolRow row = store.pool(name).orElseThrow();
            if (row.state().dataPathLost() || row.active().instance().engine() != Engine.H2) {
                continue;
            }
            try {
                done += new ChatDatabases(db -> admins.openData(row.active().instance(), DatabaseName.of(db)))
                        .completePending();
            } catch (SQLException e) {
                LOG.warning("chat pool " + name + ": pending compliance copies not finished: " + e.getMessage());
            }
        }
        return done;
    }
}
