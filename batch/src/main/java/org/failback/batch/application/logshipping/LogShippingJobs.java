package org.failback.batch.application.logshipping;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.jobs.JobRunningException;
import org.failback.batch.infrastructure.jobs.JobRuns;

/** Starts log-shipping rounds: one at a time per chat pool (a second while one runs → JOB_RUNNING). */
@ApplicationScoped
public class LogShippingJobs {

    public static final String JOB = "log-shipping";

    @Inject
    JobRuns runs;

    @Inject
    JobLog log;

    public synchronized long startRound(String chatPool, String startedBy) {
        List<Long> running = running(chatPool);
        if (!running.isEmpty()) {
            throw new JobRunningException("a log-shipping round of chat pool " + chatPool
                    + " is already running (execution " + running.get(0) + ")");
        }
        Properties parameters = new Properties();
        parameters.setProperty("pool", chatPool);
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        runs.record(new JobRuns.Run(execution, JOB, chatPool, startedBy, null, 0, Instant.now()));
        log.log(execution, null, startedBy + " started a log-shipping round of chat pool " + chatPool);
        return execution;
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
