package org.failback.batch.application.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.engine.DataDirectory;
import org.failback.batch.infrastructure.security.FailedLoginLog;
import org.failback.batch.infrastructure.security.PortalAccounts;

/** Adds an account or rotates its password (the accounts command), and reads the failed-login trail. */
@ApplicationScoped
public class AccountAdministration {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** The new random password of {@code username}, which now has {@code role}. */
    public String setAccount(String username, String role) {
        try (Connection connection = dataSource.getConnection()) {
            return PortalAccounts.setAccount(
                    connection, DataDirectory.root().resolve("credentials.properties"), username, role);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot set account " + username + ": " + e.getMessage(), e);
        }
    }

    public List<FailedLoginLog.FailedLogin> failedLogins(int limit) {
        return new FailedLoginLog().latest(limit);
    }
}
