package org.failback.batch.job.logshipping;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Properties;
import javax.sql.DataSource;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;
import org.failback.batch.infrastructure.jobs.JobLog;

/**
 * What every step of a log-shipping round shares: the chat pool (job parameter {@code pool}), the job's own log as
 * the log of every operation, and the service on a connection to the product database. A failure is written to the
 * job log with its reason before the step fails.
 */
public abstract class LogShippingBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    JobLog jobLog;

    @Inject
    ManagedDatabases databases;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    // Not final: CDI refuses to deploy a decorated bean with a final decorated method (the crash tests decorate every
    // batchlet).
    @Override
    public String process() throws Exception {
        long execution = jobContext.getExecutionId();
        String step = stepContext.getStepName();
        LoggingOperationLog log = new LoggingOperationLog(
                "[" + jobContext.getJobName() + " #" + execution + " " + step + "] ",
                line -> jobLog.log(execution, step, line));
        Properties parameters = BatchRuntime.getJobOperator().getParameters(execution);
        String pool = parameters == null ? null : parameters.getProperty("pool");
        if (pool == null || pool.isBlank()) {
            throw new IllegalArgumentException("job log-shipping needs the parameter 'pool' (a chat pool name)");
        }
        try (Connection product = dataSource.getConnection()) {
            String status = run(new LogShippingService(product, databases.administrations()), pool, log);
            stepContext.setExitStatus(status.length() > 500 ? status.substring(0, 500) + "…" : status);
            log.issued(status);
            return status;
        } catch (Exception e) {
            log.issued("step failed: " + e.getMessage());
            throw e;
        }
    }

    protected abstract String run(LogShippingService service, String pool, LoggingOperationLog log) throws Exception;
}
