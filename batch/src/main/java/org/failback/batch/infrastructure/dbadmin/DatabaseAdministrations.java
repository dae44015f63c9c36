package org.failback.batch.infrastructure.dbadmin;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import javax.sql.DataSource;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.CommandLog;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.Engine;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.SqlInstance;

/**
 * The one way to a managed database: the adapter of an instance's engine, with every command recorded in the command
 * log under that instance and the job execution that issued it. An embedded instance is a folder of H2 databases,
 * {@code <data>/instances/<name>/databases}; a SQL Server instance is its JDBC URL with its login.
 */
public class DatabaseAdministrations {

    private final Path dataRoot;
    private final CommandLog commandLog;
    private final InstanceCredentials credentials;

    public DatabaseAdministrations(Path dataRoot, CommandLog commandLog, InstanceCredentials credentials) {
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
        this.commandLog = commandLog;
        this.credentials = credentials;
    }

    public DatabaseAdministration forInstance(SqlInstance instance, Long jobExecutionId, DatabaseOperationLog log) {
        CommandRecorder recorder = new CommandRecorder(commandLog, instance.name(), jobExecutionId);
        return switch (instance.engine()) {
            case H2 -> new H2DatabaseAdministration(databasesOf(instance.name()), recorder, log);
            case SQL_SERVER -> new SqlServerDatabaseAdministration(master(instance), recorder, log);
        };
    }

    /**
     * Log shipping run by the engine itself, when both instances are SQL Servers with SQL Agent running: msdb's
     * procedures configure it and Agent's jobs run it. Empty otherwise (the product runs the chain).
     */
    public Optional<SqlServerLogShipping> agentLogShipping(
            SqlInstance primary, SqlInstance secondary, Long jobExecutionId, DatabaseOperationLog log) {
        DatabaseAdministration from = forInstance(primary, jobExecutionId, log);
        DatabaseAdministration to = forInstance(secondary, jobExecutionId, log);
        if (from instanceof SqlServerDatabaseAdministration p
                && to instanceof SqlServerDatabaseAdministration s
                && p.can(Capability.LOG_SHIPPING)
                && s.can(Capability.LOG_SHIPPING)) {
            return Optional.of(new SqlServerLogShipping(p, s));
        }
        return Optional.empty();
    }

    /** The recorder for an engine call the product makes itself on an instance's behalf (a file copy). */
    public CommandRecorder recorder(InstanceName instance, Long jobExecutionId) {
        return new CommandRecorder(commandLog, instance, jobExecutionId);
    }

    public Path databasesOf(InstanceName instance) {
        return dataRoot.resolve("instances").resolve(instance.value()).resolve("databases");
    }

    /** A folder named relative to the data directory (the share, an embedded copy folder), validated. */
    public SharePath folder(String relative) {
        return SharePath.under(dataRoot, relative);
    }

    public InstanceCredentials credentials() {
        return credentials;
    }

    public Path dataRoot() {
        return dataRoot;
    }

    /** The default copy folder of an embedded instance, relative to the data directory. */
    public static String defaultCopyFolder(InstanceName instance) {
        return "instances/" + instance.value() + "/copy";
    }

    /**
     * A connection (autocommit) to a managed database for the chat data path, which is not administration and so not
     * in the command log. Embedded: {@code WRITE_DELAY=0}, so a commit is with the operating system before it returns
     * (an answered post survives {@code kill -9}). The data path runs on the embedded engine only for now.
     */
    public Connection openData(SqlInstance instance, DatabaseName database) throws SQLException {
        if (instance.engine() != Engine.H2) {
            throw new SQLFeatureNotSupportedException("the chat data path runs on embedded (H2) instances; "
                    + instance.name() + " is " + instance.engine());
        }
        // The adapter's URL already writes each commit out (WRITE_DELAY=0).
        String url = new H2DatabaseAdministration(databasesOf(instance.name()), null, null).url(database, true);
        return DriverManager.getConnection(url, "sa", "");
    }

    /** The instance's {@code master} database: the Microsoft driver's data source for its JDBC URL and login. */
    protected DataSource master(SqlInstance instance) {
        InstanceCredentials.Login login = credentials.of(
                instance.credentialsKey() == null
                        ? InstanceCredentials.keyOf(instance.name())
                        : instance.credentialsKey());
        SQLServerDataSource master = new SQLServerDataSource();
        master.setURL(instance.jdbcUrl());
        master.setDatabaseName("master");
        master.setUser(login.user());
        master.setPassword(login.password());
        return master;
    }
}
