package org.failback.batch.job.chat;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.Properties;
import org.failback.batch.application.chat.PchatRunbook;
import org.failback.batch.application.chat.PchatStep;
import org.failback.batch.application.chat.StepRun;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.job.dbadmin.ManagedDatabaseStep;

/**
 * Every step of pchat-failover and pchat-failback: the step id names the runbook step ({@link PchatStep}) and its work
 * is {@link PchatRunbook}'s.
 */
@Named("pchatStepBatchlet")
@Dependent
public class PchatStepBatchlet extends ManagedDatabaseStep {

    @Override
    protected String run(Connection product, Properties parameters, LoggingOperationLog log) throws Exception {
        PchatStep runbookStep = PchatStep.byId(stepContext.getStepName());
        log.issued(runbookStep.description());
        return PchatRunbook.run(
                runbookStep,
                new StepRun(
                        product,
                        databases.administrations(),
                        parameters.getProperty("pool"),
                        jobContext.getInstanceId(),
                        jobContext.getExecutionId(),
                        parameters,
                        log));
    }
}
