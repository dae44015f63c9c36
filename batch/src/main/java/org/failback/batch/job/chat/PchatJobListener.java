package org.failback.batch.job.chat;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.failback.batch.application.chat.ChatJobs;
import org.failback.batch.infrastructure.jobs.JobLog;

/**
 * Gives the chat pool's lock back however a pchat execution ends, so a failed or stopped one can be restarted. The
 * pool keeps its state (FAILING_OVER, FAILING_BACK): only the restart, or for a failover a new start, continues. The
 * execution claims the lock before its first step, so a job that ends before its starter assigned it the lock still
 * finds and releases it.
 */
@Named("pchatJobListener")
public class PchatJobListener implements JobListener {

    @Inject
    JobContext job;

    @Inject
    JobLog log;

    @Inject
    ChatJobs jobs;

    @Override
    public void beforeJob() {
        String pool = BatchRuntime.getJobOperator()
                .getParameters(job.getExecutionId())
                .getProperty("pool");
        jobs.claim(pool, job.getJobName(), job.getExecutionId());
        log.log(job.getExecutionId(), null, "job " + job.getJobName() + " started");
    }

    @Override
    public void afterJob() {
        jobs.release(job.getExecutionId());
        log.log(
                job.getExecutionId(),
                null,
                "job " + job.getJobName() + " ended " + job.getBatchStatus()
                        + (job.getExitStatus() == null ? "" : " (" + job.getExitStatus() + ")")
                        + "; chat pool lock released");
    }
}
