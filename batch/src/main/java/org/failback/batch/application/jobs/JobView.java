package org.failback.batch.application.jobs;

import java.time.Instant;
import java.util.List;

/** A job execution as the API and the portal show it: status, counts, percent, rate, ETA, and its steps. */
public record JobView(
        long id,
        String jobName,
        String pool,
        String status,
        Instant startTime,
        Instant endTime,
        String exitStatus,
        Long restartOf,
        String startedBy,
        long itemsTotal,
        long itemsDone,
        double percent,
        double itemsPerSecond,
        Long etaSeconds,
        List<Step> steps) {

    /** One step of the execution; {@code itemsTotal} is null for a step that does no items (a batchlet). */
    public record Step(
            String name,
            String status,
            long readCount,
            long writeCount,
            long skipCount,
            long filterCount,
            long commitCount,
            long rollbackCount,
            Long itemsTotal,
            double percent,
            Instant startTime,
            Instant endTime) {}
}
