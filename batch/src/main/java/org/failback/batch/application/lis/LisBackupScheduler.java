package org.failback.batch.application.lis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.engine.DatabaseClock;
import org.failback.batch.infrastructure.engine.ProductReadiness;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.domain.lis.LisBackupSchedule;
import org.failback.domain.pool.PoolName;

/**
 * Runs scheduled LIS backups. The schedule is the lis_backup_schedule table (so it survives restarts and holds
 * across nodes); this bean only ticks every few seconds on the managed scheduled executor and starts a lis-backup
 * job for each due row it claims (compare-and-set on next_run_at), moving it to its next run. Due and next are judged
 * by the database's clock, which every node shares.
 */
@Singleton
@Startup
@DependsOn("ProductBootstrap")
@TransactionManagement(TransactionManagementType.BEAN)
public class LisBackupScheduler {

    private static final Logger LOG = Logger.getLogger(LisBackupScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Inject
    ProductReadiness readiness;

    @Inject
    LisJobs jobs;

    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        long seconds = Long.getLong("failback.lis.schedule.tick.seconds", 10);
        ticking = executor.scheduleWithFixedDelay(this::tick, seconds, seconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    void tick() {
        if (!readiness.isReady()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            LisBackupRepository schedules = new LisBackupRepository(c);
            Instant now = DatabaseClock.now(c);
            for (LisBackupSchedule due : schedules.due(now)) {
                PoolName pool = PoolName.of(due.pool());
                if (!schedules.claim(due, now.plus(due.everyMinutes(), ChronoUnit.MINUTES))) {
                    continue;
                }
                if (jobs.backupRunning(pool)) {
                    LOG.info(() -> "scheduled LIS backup of " + pool + " skipped: a backup is running");
                    continue;
                }
                long execution = jobs.startBackup(pool, "scheduler");
                schedules.scheduledExecution(pool, execution);
                LOG.info(() -> "scheduled LIS backup of " + pool + " started: execution " + execution);
            }
        } catch (Exception e) {
            // A failed tick must not cancel the schedule: the next tick tries again.
            LOG.log(Level.WARNING, "scheduled LIS backups: " + e.getMessage(), e);
        }
    }
}
