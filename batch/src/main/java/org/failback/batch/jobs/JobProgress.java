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
 * portal show counts, rate and ETA while partitions are still running, per job and per step (JBeret's step metrics
 * of a partitioned step arrive only when it ends).
 */
@ApplicationScoped
public class JobProgress {

    private final Map<Long, Counter> counters = new ConcurrentHashMap<>();

    /** Items written so far, and a short history of (time, count) samples for the throughput chart. */
    public static final class Counter {
        private final Instant started = Instant.now();
        private final AtomicLong done = new AtomicLong();
        private final ConcurrentLinkedDeque<long[]> samples = new ConcurrentLinkedDeque<>();
        private final Map<String, AtomicLong> doneByStep = new ConcurrentHashMap<>();

        void add(String step, long items) {
            doneByStep.computeIfAbsent(step, name -> new AtomicLong()).addAndGet(items);
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

        /** Items written so far by the step of that name (all its partitions) in this execution. */
        public long doneIn(String step) {
            AtomicLong items = doneByStep.get(step);
            return items == null ? 0 : items.get();
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

    public void written(long jobExecutionId, String step, long items) {
        counters.computeIfAbsent(jobExecutionId, id -> new Counter()).add(step, items);
    }

    public Counter of(long jobExecutionId) {
        return counters.get(jobExecutionId);
    }

    public void started(long jobExecutionId) {
        counters.putIfAbsent(jobExecutionId, new Counter());
    }
}
