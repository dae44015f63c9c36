package org.failback.batch.infrastructure.dbadmin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.Engine;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.SqlInstance;

/** SQL instances, their managed databases and the chat pools that use them (tables of V30/V31), over JDBC. */
public class SqlTopologyStore {

    private static final String INSTANCE_COLUMNS =
            "i.id, i.name, s.name, i.engine, i.jdbc_url, i.credentials_key, i.copy_folder";

    private final Connection connection;

    public SqlTopologyStore(Connection connection) {
        this.connection = connection;
    }

    /** An instance with its row id and its secondary's local copy folder. */
    public record InstanceRow(int id, SqlInstance instance, String copyFolder) {
        public InstanceName name() {
            return instance.name();
        }
    }

    /** A managed database: {@code purpose} CHAT, COMPLIANCE or LIS. */
    public record DatabaseRow(int id, int instanceId, DatabaseName name, String purpose, Integer chatPoolId) {}

    public record ChatPoolRow(int id, String name, InstanceRow primary, InstanceRow backup) {}

    public List<InstanceRow> instances() throws SQLException {
        return instances("", null);
    }

    public Optional<InstanceRow> instance(InstanceName name) throws SQLException {
        return instances(" WHERE i.name = ?", name.value()).stream().findFirst();
    }

    public Optional<InstanceRow> instance(int id) throws SQLException {
        return instances(" WHERE i.id = ?", id).stream().findFirst();
    }

    /** The first instance of a site, by id: where a new pool's LIS database goes. */
    public Optional<InstanceRow> firstInstanceOfSite(String site) throws SQLException {
        return instances(" WHERE s.name = ?", site).stream().findFirst();
    }

    private List<InstanceRow> instances(String where, Object value) throws SQLException {
        List<InstanceRow> rows = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT " + INSTANCE_COLUMNS
                + " FROM sql_instance i JOIN site s ON s.id = i.site_id" + where + " ORDER BY i.id")) {
            if (value != null) {
                q.setObject(1, value);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new InstanceRow(
                            rs.getInt(1),
                            new SqlInstance(
                                    InstanceName.of(rs.getString(2)),
                                    rs.getString(3),
                                    Engine.valueOf(rs.getString(4)),
                                    rs.getString(5),
                                    rs.getString(6)),
                            rs.getString(7)));
                }
            }
        }
        return rows;
    }

    /** Adds an instance to an existing site; answers its id. */
    public int createInstance(SqlInstance instance, String copyFolder) throws SQLException {
        int siteId = siteId(instance.site());
        int id = nextId();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sql_instance (id, name, site_id,"
                + " engine, jdbc_url, credentials_key, copy_folder) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, instance.name().value());
            insert.setInt(3, siteId);
            insert.setString(4, instance.engine().name());
            insert.setString(5, instance.jdbcUrl());
            insert.setString(6, instance.credentialsKey());
            insert.setString(7, copyFolder);
            insert.executeUpdate();
        }
        return id;
    }

    /** Points an instance at a SQL Server (its URL; its login is found by {@code credentialsKey}). */
    public void pointAt(int instanceId, String jdbcUrl, String credentialsKey) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sql_instance SET engine = 'SQL_SERVER'," + " jdbc_url = ?, credentials_key = ? WHERE id = ?")) {
            update.setString(1, jdbcUrl);
            update.setString(2, credentialsKey);
            update.setInt(3, instanceId);
            update.executeUpdate();
        }
    }

    public List<DatabaseRow> databases(int instanceId) throws SQLException {
        List<DatabaseRow> rows = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT id, instance_id, name, purpose, chat_pool_id"
                + " FROM managed_database WHERE instance_id = ? ORDER BY name")) {
            q.setInt(1, instanceId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    int chat = rs.getInt(5);
                    rows.add(new DatabaseRow(
                            rs.getInt(1),
                            rs.getInt(2),
                            DatabaseName.of(rs.getString(3)),
                            rs.getString(4),
                            rs.wasNull() ? null : chat));
                }
            }
        }
        return rows;
    }

    public Optional<DatabaseRow> database(int instanceId, DatabaseName name) throws SQLException {
        return databases(instanceId).stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Records a managed database unless the instance has it already; answers its id either way. */
    public int addDatabase(int instanceId, DatabaseName name, String purpose, Integer fePoolId, Integer chatPoolId)
            throws SQLException {
        Optional<DatabaseRow> existing = database(instanceId, name);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        int id = nextId();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO managed_database (id, instance_id,"
                + " name, purpose, fe_pool_id, chat_pool_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setInt(2, instanceId);
            insert.setString(3, name.value());
            insert.setString(4, purpose);
            setInteger(insert, 5, fePoolId);
            setInteger(insert, 6, chatPoolId);
            insert.executeUpdate();
        }
        return id;
    }

    public int createChatPool(String name, int primaryInstanceId, int backupInstanceId) throws SQLException {
        int id = nextId();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO chat_pool (id, name, primary_instance_id, backup_instance_id, active_instance_id)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, name);
            insert.setInt(3, primaryInstanceId);
            insert.setInt(4, backupInstanceId);
            // V60: the primary's databases serve a new pool.
            insert.setInt(5, primaryInstanceId);
            insert.executeUpdate();
        }
        return id;
    }

    public Optional<ChatPoolRow> chatPool(String name) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT id, name, primary_instance_id, backup_instance_id FROM chat_pool WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int id = rs.getInt(1);
                String pool = rs.getString(2);
                int primary = rs.getInt(3);
                int backup = rs.getInt(4);
                return Optional.of(new ChatPoolRow(
                        id,
                        pool,
                        instance(primary).orElseThrow(),
                        instance(backup).orElseThrow()));
            }
        }
    }

    public boolean siteExists(String site) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM site WHERE name = ?")) {
            q.setString(1, site);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * The instance named {@code name} in {@code site}, created (embedded) when missing; answers its id. A site gets
     * {@code sql-<site>} when a pool there needs a managed database and the site has no instance.
     */
    public int ensureInstance(String site, InstanceName name) throws SQLException {
        Optional<InstanceRow> existing = instance(name);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        return createInstance(SqlInstance.embedded(name, site), DatabaseAdministrations.defaultCopyFolder(name));
    }

    /** The instance a site's pools keep their databases on: its first, else a new embedded {@code sql-<site>}. */
    public InstanceRow instanceOfSite(String site) throws SQLException {
        Optional<InstanceRow> existing = firstInstanceOfSite(site);
        if (existing.isPresent()) {
            return existing.get();
        }
        InstanceName name = InstanceName.of("sql-" + site.replace('.', '-'));
        ensureInstance(site, name);
        return instance(name).orElseThrow();
    }

    private int siteId(String site) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT id FROM site WHERE name = ?")) {
            q.setString(1, site);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no site named " + site);
                }
                return rs.getInt(1);
            }
        }
    }

    private int nextId() throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("SELECT NEXT VALUE FOR sql_topology_seq");
                ResultSet rs = next.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void setInteger(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }
}
