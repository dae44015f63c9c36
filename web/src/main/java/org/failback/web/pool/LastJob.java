package org.failback.web.pool;

import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import java.time.Instant;
import java.util.Date;

/** The last job execution recorded for a pool, as far as the job repository still knows it. */
public record LastJob(long id, String jobName, String status, Instant startTime, Instant endTime) {

    static LastJob of(Long executionId) {
        if (executionId == null) {
            return null;
        }
        try {
            JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(executionId);
            return new LastJob(
                    executionId,
                    execution.getJobName(),
                    execution.getBatchStatus().name(),
                    instant(execution.getStartTime()),
                    instant(execution.getEndTime()));
        } catch (NoSuchJobExecutionException | JobSecurityException e) {
            // The pool row outlived the repository entry (purged or another repository): the id is still worth showing.
            return new LastJob(executionId, null, null, null, null);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
