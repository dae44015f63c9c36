package org.failback.batch.job.lis;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.jobs.JobLog;

/**
 * What every LIS step shares: the job and step, the job's own log as the log of every database operation issued,
 * and a connection to the product database for the backup records.
 */
public abstract class LisBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    JobLog jobLog;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    // Not final: CDI refuses to deploy a decorated bean with a final decorated method (the crash tests decorate every
    // batchlet).
    @Override
    public String process() throws Exception {
        LoggingOperationLog log = LisJobSupport.log(jobContext, stepContext.getStepName(), jobLog);
        try (Connection product = dataSource.getConnection()) {
            return run(product, log);
        }
    }

    /** The step's work; answers the batchlet's exit status. */
    protected abstract String run(Connection product, LoggingOperationLog log) throws Exception;

    protected void exitWith(String status) {
        stepContext.setExitStatus(LisJobSupport.exitStatus(status));
    }
}
