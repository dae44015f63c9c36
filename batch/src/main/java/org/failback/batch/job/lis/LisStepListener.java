package org.failback.batch.job.lis;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.failback.batch.infrastructure.jobs.JobLog;

/** Writes a failed LIS step's reason (no backup, corrupt file, …) into the job's own log, where operators look. */
@Named("lisStepListener")
@Dependent
public class LisStepListener extends AbstractStepListener {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    JobLog jobLog;

    @Override
    public void afterStep() {
        Exception failure = stepContext.getException();
        if (failure != null) {
            jobLog.log(jobContext.getExecutionId(), stepContext.getStepName(), "step failed: " + failure.getMessage());
        } else if (stepContext.getExitStatus() != null) {
            jobLog.log(jobContext.getExecutionId(), stepContext.getStepName(), stepContext.getExitStatus());
        }
    }
}
