package org.failback.batch.job.dbadmin;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Properties;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;
import org.failback.batch.infrastructure.jobs.JobLog;

/**
 * A step of a runbook over managed databases (log shipping, Persistent Chat): every operation it issues goes to the
 * job's own log, its outcome is the step's exit status (shortened to what the job repository keeps), and a failure is
 * logged with its reason before the step fails, so the job page says why without the server log.
 */
public abstract class ManagedDatabaseStep extends AbstractBatchlet {

    private static final int EXIT_STATUS_LENGTH = 500;

    @Inject
    protected JobContext jobContext;

    @Inject
    protected StepContext stepContext;

    @Inject
    protected ManagedDatabases databases;

    @Inject
    JobLog jobLog;

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
        try (Connection product = dataSource.getConnection()) {
            String status = run(product, parameters == null ? new Properties() : parameters, log);
            stepContext.setExitStatus(
                    status.length() > EXIT_STATUS_LENGTH ? status.substring(0, EXIT_STATUS_LENGTH) + "…" : status);
            log.issued(status);
            return status;
        } catch (Exception e) {
            log.issued("step failed: " + e.getMessage());
            throw e;
        }
    }

    /** The step's work on the product database; answers its exit status. */
    protected abstract String run(Connection product, Properties parameters, LoggingOperationLog log) throws Exception;
}
