package org.failback.batch.infrastructure.jobs;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.chat.ChatPoolStore;

/**
 * Keeps this node's pool locks (Front End and Persistent Chat) alive while its jobs run; a node that dies stops
 * renewing and its leases run out.
 */
@Singleton
public class LeaseRenewal {

    @Inject
    PoolJobLock locks;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void renew() throws SQLException {
        locks.renewLeases();
        try (Connection c = dataSource.getConnection()) {
            new ChatPoolStore(c).renewLeases(NodeIdentity.current());
        }
    }
}
