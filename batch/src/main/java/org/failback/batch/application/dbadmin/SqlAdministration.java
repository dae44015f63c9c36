package org.failback.batch.application.dbadmin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;

/** What the API and the portal show of the SQL side: the instances with their databases, and the command log. */
@ApplicationScoped
public class SqlAdministration {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Inject
    ManagedDatabases databases;

    public List<SqlInstances.InstanceView> instances() {
        try (Connection c = dataSource.getConnection()) {
            return SqlInstances.list(c, databases.administrations());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the SQL instances: " + e.getMessage(), e);
        }
    }

    /** Newest first. */
    public List<JdbcCommandLog.Entry> commands(JdbcCommandLog.Filter filter) {
        return new JdbcCommandLog(dataSource).find(filter);
    }
}
