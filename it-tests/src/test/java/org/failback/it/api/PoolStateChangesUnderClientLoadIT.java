package org.failback.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.failback.domain.experience.Refusal;
import org.failback.it.Api;
import org.failback.it.Jobs;
import org.failback.it.Pools;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/**
 * A pool's state changes (outage, failover, failback) while clients of both pools of the pair keep signing in, setting
 * presence and opening peer-to-peer sessions. Every state change closes the pool's gates while requests pass them; a
 * request that locked its gate and then, through a join, the pool row deadlocked with a state change holding the pool
 * row (H2 rolled the job's step back: the failback ended FAILED). Here every job completes, every user ends DONE, and no
 * client gets an answer the seed's rules do not explain.
 */
class PoolStateChangesUnderClientLoadIT extends ProductIT {

    private static final Duration JOB_WAIT = Duration.ofMinutes(3);
    private static final int USERS = 200;
    private static final int CLIENTS = 6;

    @Test
    void failoverAndFailbackCompleteWhileClientsOfBothPoolsSignInAndOut() throws Exception {
        PoolPair pair = PoolPair.create(operator(), "load", USERS, 1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        Queue<String> unexplained = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int round = 0; running.get(); round++) {
                        int n = 1 + (client + round * CLIENTS) % USERS;
                        List<Api.Reply> replies = new ArrayList<>(session(pair.user(n), pair.backupUser(n)));
                        replies.addAll(session(pair.backupUser(n), pair.user(n)));
                        for (Api.Reply reply : replies) {
                            answered.incrementAndGet();
                            if (!explained(reply)) {
                                unexplained.add(reply.request() + " → " + reply.status() + " " + reply.body());
                            }
                        }
                    }
                });
            }
            Jobs.await("clients answered", Duration.ofSeconds(60), () -> answered.get() > 50);

            for (int cycle = 0; cycle < 2; cycle++) {
                assertEquals(
                        "COMPLETED",
                        Pools.failOver(operator(), pair.pool()).path("status").asText());
                operator().post("pools/" + pair.pool() + "/repair").expect(200);
                assertCompleted(Pools.startFailback(operator(), pair.pool(), null));
                assertEquals("NORMAL", pair.details(viewer()).path("state").asText());
            }
        } finally {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES), "the clients stopped");
        }
        assertTrue(unexplained.isEmpty(), unexplained.size() + " unexplained answers, e.g. " + unexplained.peek());
        assertTrue(answered.get() > 100, "clients ran beside the jobs: " + answered.get() + " answers");
        JsonNode state = Pools.pool(viewer(), pair.pool());
        assertEquals(USERS, state.path("counts").path("done").asLong(), state.toString());
    }

    /** One client's sign-in, presence, p2p with a user of the other pool, sign-out: the answers, whatever they are. */
    private static List<Api.Reply> session(String sip, String other) {
        String path = PoolPair.clientPath(sip);
        return List.of(
                client().post(path + "/sign-in", Map.of("clientVersion", "LYNC_2013")),
                client().put(path + "/presence", Map.of("state", "BUSY")),
                client().post(path + "/p2p", Map.of("with", other)),
                client().post(path + "/sign-out"));
    }

    /** A success, or a refusal of the experience policy with its code and status: what seed 000 lets a client be told. */
    private static boolean explained(Api.Reply reply) {
        return reply.status() < 300
                || Stream.of(Refusal.values())
                        .anyMatch(r -> r.code().equals(reply.code()) && r.httpStatus() == reply.status());
    }

    private static void assertCompleted(long jobExecutionId) {
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), jobExecutionId, JOB_WAIT)
                        .path("status")
                        .asText(),
                "job " + jobExecutionId);
    }
}
