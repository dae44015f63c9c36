package org.failback.batch.application.logshipping;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.application.dbadmin.DemoSqlTopology;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.InstanceCredentials;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.batch.infrastructure.pool.TopologyWriter;
import org.failback.domain.dbadmin.CommandLog;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.pool.PoolName;

/** A migrated product database in a temporary data directory with the demo's sites and SQL side seeded. */
final class SqlFixture {

    final Path data;
    final DataSource product;
    final JdbcCommandLog commandLog;

    SqlFixture(Path data) throws SQLException {
        this.data = data;
        this.product = MigratedProductDatabase.at(data.resolve("product"));
        this.commandLog = new JdbcCommandLog(product);
        try (Connection c = product.getConnection()) {
            TopologyWriter writer = new TopologyWriter(c);
            writer.createSite(PoolName.of("dc1"));
            writer.createSite(PoolName.of("dc2"));
            DemoSqlTopology.seed(c, administrations());
        }
    }

    DatabaseAdministrations administrations() {
        return administrations(commandLog);
    }

    DatabaseAdministrations administrations(CommandLog log) {
        return new DatabaseAdministrations(data, log, new InstanceCredentials(data.resolve("credentials.properties")));
    }

    /** The command log rows as {@code type database instance error}, oldest first. */
    List<String> commands(String where) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = product.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT command_type, database_name, instance_name, error_message,"
                        + " end_time FROM sql_command_log" + (where.isEmpty() ? "" : " WHERE " + where)
                        + " ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)
                        + (rs.getString(4) == null ? "" : " ERROR " + rs.getString(4))
                        + (rs.getTimestamp(5) == null ? " OPEN" : ""));
            }
        }
        return rows;
    }

    long count(String sql) throws SQLException {
        try (Connection c = product.getConnection();
                PreparedStatement q = c.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The embedded database {@code name} of instance {@code instance}. */
    Connection open(String instance, DatabaseName name) throws SQLException {
        Path base =
                data.resolve("instances").resolve(instance).resolve("databases").resolve(name.value());
        return java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + base.resolve(name.value()) + ";DB_CLOSE_DELAY=-1;IFEXISTS=TRUE", "sa", "");
    }

    void execute(String instance, DatabaseName name, String sql) throws SQLException {
        try (Connection c = open(instance, name);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    long rows(String instance, DatabaseName name, String table) throws SQLException {
        try (Connection c = open(instance, name);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
