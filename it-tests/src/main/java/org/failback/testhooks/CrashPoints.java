package org.failback.testhooks;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The point where a crash test kills the server: a step of one pool's job where its threads park, holding whatever
 * they did uncommitted (a chunk) or recorded nowhere in the job repository (a batchlet's finished work), until the
 * server is killed. {@code chunk} ≥ 1 parks every partition of a chunk step after its writer wrote its
 * {@code chunk}-th chunk, before that chunk commits with its checkpoint; {@code chunk} 0 parks a batchlet step after
 * its work, before the step is recorded as completed. Read by the crash-point decorators of this test library.
 */
@ApplicationScoped
public class CrashPoints {

    /** Where to park: the job of {@code pool} (its {@code pool} parameter), step {@code step}, at {@code chunk}. */
    public record Point(String pool, String step, int chunk) {}

    private volatile Point armed;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger parked = new AtomicInteger();
    private final AtomicLong itemsWritten = new AtomicLong();
    private final AtomicLong jobExecutionId = new AtomicLong();
    private final Map<String, AtomicInteger> chunksByPartition = new ConcurrentHashMap<>();

    public synchronized void arm(Point point) {
        release.countDown();
        release = new CountDownLatch(1);
        parked.set(0);
        itemsWritten.set(0);
        jobExecutionId.set(0);
        chunksByPartition.clear();
        armed = point;
    }

    /** Nothing parks any more, and parked threads go on (a test that ended without killing the server). */
    public synchronized void disarm() {
        armed = null;
        release.countDown();
    }

    /** The armed point, how many threads park there now, and the items the armed step's writers were handed. */
    public Map<String, Object> state() {
        Point point = armed;
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("armed", point != null);
        if (point != null) {
            state.put("pool", point.pool());
            state.put("step", point.step());
            state.put("chunk", point.chunk());
        }
        state.put("parked", parked.get());
        state.put("jobExecutionId", jobExecutionId.get());
        state.put("itemsWritten", itemsWritten.get());
        return state;
    }

    /** A writer of {@code step} wrote a chunk of {@code items} (not yet committed): parks at the armed chunk. */
    void chunkWritten(JobContext job, String step, int items) {
        Point point = armed;
        if (point == null || point.chunk() < 1 || !matches(point, job, step)) {
            return;
        }
        itemsWritten.addAndGet(items);
        // One thread runs a partition from its first chunk to its last (retries included).
        String partition =
                job.getExecutionId() + "/" + step + "/" + Thread.currentThread().getId();
        int chunk = chunksByPartition
                .computeIfAbsent(partition, key -> new AtomicInteger())
                .incrementAndGet();
        if (chunk == point.chunk()) {
            park(job);
        }
    }

    /** A batchlet of {@code step} did its work: parks there when that is the armed point. */
    void batchletDone(JobContext job, String step) {
        Point point = armed;
        if (point != null && point.chunk() == 0 && matches(point, job, step)) {
            park(job);
        }
    }

    private static boolean matches(Point point, JobContext job, String step) {
        if (!point.step().equals(step)) {
            return false;
        }
        Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        return parameters != null && point.pool().equals(parameters.getProperty("pool"));
    }

    private void park(JobContext job) {
        CountDownLatch latch = release;
        jobExecutionId.set(job.getExecutionId());
        parked.incrementAndGet();
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // A thread released by a new arm() is not counted off the new point's count, which arm() reset to 0.
            if (release == latch) {
                parked.decrementAndGet();
            }
        }
    }
}
