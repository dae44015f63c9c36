package org.failback.batch.application.logshipping;

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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.failback.batch.infrastructure.engine.ProductReadiness;

/**
 * Runs scheduled log-shipping rounds: ticks every few seconds and starts a log-shipping job for each chat pool with a
 * configuration due (claimed in the table, so one node starts it), unless a round of that pool still runs.
 */
@Singleton
@Startup
@DependsOn("ProductBootstrap")
@TransactionManagement(TransactionManagementType.BEAN)
public class LogShippingScheduler {

    private static final Logger LOG = Logger.getLogger(LogShippingScheduler.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ProductReadiness readiness;

    @Inject
    LogShippingSchedules schedules;

    @Inject
    LogShippingJobs jobs;

    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        long seconds = Long.getLong("failback.logshipping.schedule.tick.seconds", 10);
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
        try {
            for (String pool : schedules.claimDue()) {
                if (jobs.isRunning(pool)) {
                    LOG.info(() -> "scheduled log shipping of " + pool + " skipped: a round is running");
                    continue;
                }
                long execution = jobs.startRound(pool, "scheduler");
                LOG.info(() -> "scheduled log shipping of " + pool + " started: execution " + execution);
            }
        } catch (Exception e) {
            // A failed tick must not cancel the schedule: the next tick tries again.
            LOG.log(Level.WARNING, "scheduled log shipping: " + e.getMessage(), e);
        }
    }
}
