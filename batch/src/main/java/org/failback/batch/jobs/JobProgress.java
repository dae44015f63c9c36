package org.failback.batch.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live item counts of the executions running in this JVM, fed by the writers after each chunk, so the API and the
 * portal show counts, rate and ETA while partitions are still running (step metrics arrive only at the end).
 */
@ApplicationScoped
public class JobProgress {

    private final Map<Long, Counter> counters = new ConcurrentHashMap<>();

    /** Items written so far, and a short history of (time, count) samples for the throughput chart. */
    public static final class Counter {
        private final Instant started = Instant.now();
        private final AtomicLong done = new AtomicLong();
        private final ConcurrentLinkedDeque<long[]> samples = new ConcurrentLinkedDeque<>();

        void add(long items) {
            long total = done.addAndGet(items);
            long now = System.currentTimeMillis();
            long[] last = samples.peekLast();
            if (last == null || now - last[0] >= 250) {
                samples.addLast(new long[] {now, total});
                while (samples.size() > 600) {
                    samples.pollFirst();
                }
            }
        }

        public long done() {
            return done.get();
        }

        public Instant started() {
            return started;
        }

        public double itemsPerSecond() {
            double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            return done.get() / seconds;
        }

        public java.util.List<long[]> samples() {
            return java.util.List.copyOf(samples);
        }
    }

    public void written(long jobExecutionId, long items) {
        counters.computeIfAbsent(jobExecutionId, id -> new Counter()).add(items);
    }

    public Counter of(long jobExecutionId) {
        return counters.get(jobExecutionId);
    }

    public void started(long jobExecutionId) {
        counters.putIfAbsent(jobExecutionId, new Counter());
    }
}
