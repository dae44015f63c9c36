package org.failback.batch.application.logshipping;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.dbadmin.SqlTopologyStore;
import org.failback.batch.infrastructure.engine.DatabaseClock;
import org.failback.domain.dbadmin.LogShippingSchedule;

/**
 * The schedule of a chat pool's log shipping (PUT …/log-shipping) and the rounds due (the scheduler): the table is
 * the schedule, so it survives restarts and holds across nodes; a due configuration is claimed by compare-and-set.
 */
@ApplicationScoped
public class LogShippingSchedules {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    public boolean chatPoolExists(String chatPool) {
        try (Connection c = dataSource.getConnection()) {
            return new SqlTopologyStore(c).chatPool(chatPool).isPresent();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read chat pool " + chatPool + ": " + e.getMessage(), e);
        }
    }

    /** Sets every configuration of the pool; empty when the pool has no log shipping configured. */
    public Optional<LogShippingSchedule> set(String chatPool, LogShippingSchedule schedule) {
        try (Connection c = dataSource.getConnection()) {
            int changed = new LogShippingStore(c).schedule(chatPool, schedule, Instant.now());
            return changed == 0 ? Optional.empty() : Optional.of(schedule);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the log-shipping schedule: " + e.getMessage(), e);
        }
    }

    /**
     * The chat pools with a round due now by the database's clock (the one every node shares), each claimed (moved to
     * its next run) by this node.
     */
    public List<String> claimDue() {
        try (Connection c = dataSource.getConnection()) {
            Instant now = DatabaseClock.now(c);
            LogShippingStore store = new LogShippingStore(c);
            return store.due(now).stream()
                    .filter(config -> config.chatPool() != null)
                    .filter(config -> claim(store, config, now))
                    .map(LogShippingStore.Config::chatPool)
                    .distinct()
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the log-shipping schedule: " + e.getMessage(), e);
        }
    }

    private static boolean claim(LogShippingStore store, LogShippingStore.Config config, Instant now) {
        try {
            return store.claim(config, now.plusSeconds(60L * config.schedule().everyMinutes()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim a log-shipping round: " + e.getMessage(), e);
        }
    }
}
