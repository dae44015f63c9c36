package org.failback.batch.application.jobs;

import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.failback.batch.infrastructure.jobs.JobRuns;
import org.failback.batch.infrastructure.jobs.StepCounts;
import org.failback.batch.infrastructure.jobs.StepStartTimes;

/** Builds {@link JobView}s from the JDBC job repository, the run history and the live progress of this JVM. */
@ApplicationScoped
public class JobViews {

    private static final int RECENT_SECONDS = 10;

    @Inject
    JobRuns runs;

    @Inject
    StepStartTimes stepStartTimes;

    @Inject
    StepCounts stepCounts;

    public JobView view(long executionId) {
        JobExecution execution = execution(executionId);
        Optional<JobRuns.Run> run = runs.find(executionId);
        List<StepExecution> stepExecutions = BatchRuntime.getJobOperator().getStepExecutions(executionId);
        Map<Long, Instant> started = stepStartTimes.of(executionId);
        Map<String, Long> totals = stepCounts.totals(executionId);
        Map<String, Long> written = stepCounts.done(executionId);
        List<JobView.Step> steps = new ArrayList<>();
        long done = 0;
        for (StepExecution step : stepExecutions) {
            // JBeret counts a partitioned step only when it ends (never, if its server died): its writers' own
            // count is exact at any moment.
            long writes =
                    Math.max(metric(step, Metric.MetricType.WRITE_COUNT), written.getOrDefault(step.getStepName(), 0L));
            done += writes;
            long reads = Math.max(metric(step, Metric.MetricType.READ_COUNT), writes);
            Long stepTotal = totals.get(step.getStepName());
            steps.add(new JobView.Step(
                    step.getStepName(),
                    step.getBatchStatus().name(),
                    reads,
                    writes,
                    metric(step, Metric.MetricType.PROCESS_SKIP_COUNT)
                            + metric(step, Metric.MetricType.READ_SKIP_COUNT)
                            + metric(step, Metric.MetricType.WRITE_SKIP_COUNT),
                    metric(step, Metric.MetricType.FILTER_COUNT),
                    metric(step, Metric.MetricType.COMMIT_COUNT),
                    metric(step, Metric.MetricType.ROLLBACK_COUNT),
                    stepTotal,
                    stepPercent(step.getBatchStatus(), writes, stepTotal),
                    started.getOrDefault(step.getStepExecutionId(), instant(step.getStartTime())),
                    instant(step.getEndTime())));
        }
        BatchStatus status = execution.getBatchStatus();
        long total = Math.max(run.map(JobRuns.Run::itemsTotal).orElse(0L), done);
        double percent =
                status == BatchStatus.COMPLETED ? 100.0 : total == 0 ? 0.0 : Math.min(100.0, 100.0 * done / total);
        Instant start = instant(execution.getStartTime());
        Instant end = instant(execution.getEndTime());
        double seconds = start == null
                ? 0
                : Math.max(
                        0.001,
                        Duration.between(start, end == null ? Instant.now() : end)
                                        .toMillis()
                                / 1000.0);
        double rate = status == BatchStatus.STARTED && end == null
                ? recentRate(executionId, start, done, seconds)
                : seconds == 0 ? 0 : done / seconds;
        Long eta = end != null || status != BatchStatus.STARTED
                ? Long.valueOf(0)
                : rate <= 0 ? null : Long.valueOf(Math.round((total - done) / rate));
        return new JobView(
                executionId,
                execution.getJobName(),
                run.map(JobRuns.Run::pool).orElse(null),
                status.name(),
                start,
                end,
                execution.getExitStatus(),
                run.map(JobRuns.Run::restartOf).orElse(null),
                run.map(JobRuns.Run::startedBy).orElse(null),
                total,
                done,
                round(percent),
                round(rate),
                eta,
                steps);
    }

    /** Newest first; {@code status} filters by BatchStatus name, as the job repository stores it. */
    public List<JobView> list(String pool, String status, int limit) {
        List<JobView> views = new ArrayList<>();
        for (JobRuns.Run run : runs.list(pool, status, limit)) {
            try {
                views.add(view(run.jobExecutionId()));
            } catch (ExecutionNotFoundException e) {
                // recorded, but its execution is gone from the job repository: nothing to show
            }
        }
        return views;
    }

    /** Throughput samples (epoch millis, items done by then) of an execution, from its start, for the portal's chart. */
    public List<long[]> throughput(long executionId) {
        JobExecution execution = execution(executionId);
        return throughput(executionId, instant(execution.getStartTime()), instant(execution.getEndTime()));
    }

    /** The same samples for a view the caller already has (the job page's poll), without looking the execution up again. */
    public List<long[]> throughput(JobView job) {
        return throughput(job.id(), job.startTime(), job.endTime());
    }

    private List<long[]> throughput(long executionId, Instant start, Instant end) {
        if (start == null) {
            return List.of();
        }
        List<long[]> samples = new ArrayList<>();
        samples.add(new long[] {start.toEpochMilli(), 0});
        samples.addAll(stepCounts.doneOverTime(executionId, start, end == null ? Instant.now() : end));
        return samples;
    }

    /**
     * A running execution's rate over its last {@value #RECENT_SECONDS} seconds, what its ETA should extrapolate (the
     * average since the start also counts the batchlet steps that move no user); the average while no chunk fell in
     * that window.
     */
    private double recentRate(long executionId, Instant start, long done, double seconds) {
        if (start == null) {
            return 0;
        }
        Instant now = Instant.now();
        Instant since = start.isAfter(now.minusSeconds(RECENT_SECONDS)) ? start : now.minusSeconds(RECENT_SECONDS);
        long recent = stepCounts.doneSince(executionId, since);
        double window = Math.max(0.001, Duration.between(since, now).toMillis() / 1000.0);
        return recent > 0 ? recent / window : done / seconds;
    }

    /** The execution as the job repository has it; {@link ExecutionNotFoundException} when there is none. */
    public static JobExecution execution(long executionId) {
        try {
            return BatchRuntime.getJobOperator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new ExecutionNotFoundException(executionId);
        }
    }

    /** A step that ended well is done whatever it counted; others are as far as their writes against their total. */
    private static double stepPercent(BatchStatus status, long writes, Long total) {
        if (status == BatchStatus.COMPLETED) {
            return 100.0;
        }
        return total == null || total == 0 ? 0.0 : round(Math.min(100.0, 100.0 * writes / total));
    }

    private static long metric(StepExecution step, Metric.MetricType type) {
        for (Metric metric : step.getMetrics()) {
            if (metric.getType() == type) {
                return metric.getValue();
            }
        }
        return 0;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
