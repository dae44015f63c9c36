package org.failback.batch.application.logshipping;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.jobs.JobRunningException;
import org.failback.batch.infrastructure.jobs.JobRuns;
import org.failback.domain.pool.IllegalTransitionException;

/** Starts log-shipping rounds: one at a time per chat pool (a second while one runs → JOB_RUNNING). */
@ApplicationScoped
public class LogShippingJobs {

    public static final String JOB = "log-shipping";

    @Inject
    JobRuns runs;

    @Inject
    JobLog log;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    public synchronized long startRound(String chatPool, String startedBy) {
        List<Long> running = running(chatPool);
        if (!running.isEmpty()) {
            throw new JobRunningException("a log-shipping round of chat pool " + chatPool
                    + " is already running (execution " + running.get(0) + ")");
        }
        refuseWhileChatJobOrFailedOver(chatPool);
        Properties parameters = new Properties();
        parameters.setProperty("pool", chatPool);
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        runs.record(new JobRuns.Run(execution, JOB, chatPool, startedBy, null, 0, Instant.now()));
        log.log(execution, null, startedBy + " started a log-shipping round of chat pool " + chatPool);
        return execution;
    }

    /**
     * A round never runs beside a pchat failover or failback (they hold the chat pool's lock), nor while a failover
     * has removed the pool's log shipping (its primary is lost or not yet protected again).
     */
    private void refuseWhileChatJobOrFailedOver(String chatPool) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT lock_job_name, lock_execution_id FROM chat_pool WHERE name = ?")) {
            q.setString(1, chatPool);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    throw new JobRunningException("a log-shipping round of chat pool " + chatPool + " refused: job "
                            + rs.getString(1) + " (execution " + rs.getLong(2) + ") holds the pool");
                }
            }
            if (new LogShippingStore(c).removed(chatPool)) {
                throw new IllegalTransitionException("chat pool " + chatPool + " has no log shipping now: the"
                        + " failover removed it, and the failback's configure-log-shipping step puts it back");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check chat pool " + chatPool + ": " + e.getMessage(), e);
        }
    }

    public boolean isRunning(String chatPool) {
        return !running(chatPool).isEmpty();
    }

    private List<Long> running(String chatPool) {
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            return operator.getRunningExecutions(JOB).stream()
                    .filter(id -> chatPool.equals(operator.getParameters(id).getProperty("pool")))
                    .toList();
        } catch (NoSuchJobException e) {
            return List.of();
        }
    }
}
