package org.failback.batch.job.chat;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.Properties;
import javax.sql.DataSource;
import org.failback.batch.application.chat.PchatRunbook;
import org.failback.batch.application.chat.PchatStep;
import org.failback.batch.application.chat.StepRun;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;
import org.failback.batch.infrastructure.jobs.JobLog;

/**
 * Every step of pchat-failover and pchat-failback: the step id names the runbook step ({@link PchatStep}), its work
 * is {@link PchatRunbook}'s, every operation goes to the job's own log, and a failure is logged with its reason
 * before the step fails.
 */
@Named("pchatStepBatchlet")
@Dependent
public class PchatStepBatchlet extends AbstractBatchlet {

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

    @Override
    public String process() throws Exception {
        long execution = jobContext.getExecutionId();
        String step = stepContext.getStepName();
        LoggingOperationLog log = new LoggingOperationLog(
                "[" + jobContext.getJobName() + " #" + execution + " " + step + "] ",
                line -> jobLog.log(execution, step, line));
        Properties parameters = BatchRuntime.getJobOperator().getParameters(execution);
        PchatStep runbookStep = PchatStep.byId(step);
        log.issued(runbookStep.description());
        try (Connection product = dataSource.getConnection()) {
            String status = PchatRunbook.run(
                    runbookStep,
                    new StepRun(
                            product,
                            databases.administrations(),
                            parameters.getProperty("pool"),
                            jobContext.getInstanceId(),
                            execution,
                            parameters,
                            log));
            stepContext.setExitStatus(status.length() > 500 ? status.substring(0, 500) + "…" : status);
            log.issued(status);
            return status;
        } catch (Exception e) {
            log.issued("step failed: " + e.getMessage());
            throw e;
        }
    }
}
