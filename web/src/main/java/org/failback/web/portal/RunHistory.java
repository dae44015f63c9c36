package org.failback.web.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.failback.batch.application.jobs.JobView;
import org.failback.batch.application.jobs.JobViews;
import org.failback.domain.pool.PoolName;

/** The run history as the history page and its CSV export show it: every run, who started it, step durations, result. */
@ApplicationScoped
public class RunHistory {

    public static final List<String> STATUSES =
            List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED");
    static final int PAGE_LIMIT = 200;
    static final int EXPORT_LIMIT = 10_000;

    @Inject
    JobViews views;

    /** Newest first; a malformed pool name or unknown status matches nothing rather than everything. */
    public List<JobView> runs(String pool, String status, int limit) {
        String poolFilter = blank(pool) ? null : pool.trim();
        String statusFilter = blank(status) ? null : status.trim();
        if (poolFilter != null) {
            try {
                PoolName.of(poolFilter);
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
        if (statusFilter != null && !STATUSES.contains(statusFilter)) {
            return List.of();
        }
        return views.list(poolFilter, statusFilter, limit);
    }

    /** "step 1.2 s; step 0.3 s" in execution order. */
    public static String stepDurations(JobView job) {
        return job.steps().stream()
                .map(s -> s.name() + " " + (s.startTime() == null ? "–" : seconds(s.startTime(), s.endTime())) + " "
                        + s.status())
                .collect(Collectors.joining("; "));
    }

    static String seconds(java.time.Instant start, java.time.Instant end) {
        if (start == null) {
            return "";
        }
        long millis = Duration.between(start, end == null ? java.time.Instant.now() : end)
                .toMillis();
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
