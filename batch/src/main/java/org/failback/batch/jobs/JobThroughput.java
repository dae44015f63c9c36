package org.failback.batch.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput samples of the executions running in this JVM, fed by the writers after each chunk, for the job page's
 * chart. The counts themselves live in the database ({@link StepCounts}).
 */
@ApplicationScoped
public class JobThroughput {

    private final Map<Long, Counter> counters = new ConcurrentHashMap<>();

    /** Items written so far in this JVM, and a short history of (time, count) samples for the throughput chart. */
    public static final class Counter {
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
