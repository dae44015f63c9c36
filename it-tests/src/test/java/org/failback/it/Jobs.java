package org.failback.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Waiting on Jakarta Batch executions through the API, with a deadline instead of sleeps-then-assert. */
public final class Jobs {

    public static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private Jobs() {}

    public static JsonNode awaitEnd(Api api, long executionId, Duration timeout) {
        return awaitStatus(api, executionId, ENDED, timeout);
    }

    /** Restarts an ended execution through the API; answers the new execution's id. */
    public static long restart(Api operator, long executionId) {
        return operator.post("jobs/" + executionId + "/restart")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
    }

    public static JsonNode awaitStatus(Api api, long executionId, Set<String> statuses, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            job = api.get("jobs/" + executionId).expect(200).json();
            if (statuses.contains(job.path("status").asText())) {
                return job;
            }
            pause(100);
        }
        throw new AssertionError("job " + executionId + " not in " + statuses + " within " + timeout + ": " + job);
    }

    /** Polls {@code condition} until it holds or the timeout passes. */
    public static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            pause(100);
        }
    }

    /**
     * Waits until at least {@code threads} job threads are parked at the armed crash point (the test library's
     * {@code test-hooks/crash-points}); answers the crash point's state as last read.
     */
    public static JsonNode awaitParked(Api operator, String what, int threads, Duration timeout) {
        JsonNode[] state = new JsonNode[1];
        await(what + " to park " + threads + " thread(s) at its crash point", timeout, () -> {
            state[0] = operator.get("test-hooks/crash-points").expect(200).json();
            return state[0].path("parked").asInt() >= threads;
        });
        return state[0];
    }

    /** The step of that name in a job as {@code GET /api/jobs/{id}} answers it. */
    public static JsonNode step(JsonNode job, String name) {
        for (JsonNode step : job.path("steps")) {
            if (name.equals(step.path("name").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + job);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
