package org.failback.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.failback.it.Api;
import org.failback.it.Jobs;
import org.failback.it.Pools;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/**
 * A backup pool that fails while it serves a failed-over pool (pool A failed over to B, then B has an outage): B
 * cannot be failed over into A, which has nothing to serve from; A's failback stays the way home for A's users.
 */
class CascadingFailureIT extends ProductIT {

    private static final Duration JOB_WAIT = Duration.ofMinutes(3);

    @Test
    void failingTheBackupPoolOverIntoAPoolFailedOverIntoItIsRefusedNamingItsStateAndChangesNothing() {
        PoolPair pair = PoolPair.create(operator(), "cascade", 10, 1);
        String a = pair.pool();
        String b = pair.backupPool();
        assertEquals("COMPLETED", Pools.failOver(operator(), a).path("status").asText());
        // B's outage is a real event and is recorded.
        assertEquals(
                "DOWN",
                operator()
                        .post("pools/" + b + "/outage")
                        .expect(200)
                        .json()
                        .path("state")
                        .asText());

        for (String path : new String[] {"pools/" + b + "/failover?dryRun=true", "pools/" + b + "/failover"}) {
            Api.Reply refused = operator().post(path);
            assertEquals(409, refused.status(), path + ": " + refused.body());
            assertEquals("ILLEGAL_STATE", refused.code());
            assertTrue(refused.json().path("message").asText().contains(a + " is FAILED_OVER"), refused.body());
        }
        assertEquals("DOWN", Pools.pool(viewer(), b).path("state").asText(), "nothing changed");
        assertEquals("FAILED_OVER", Pools.pool(viewer(), a).path("state").asText());
        assertTrue(viewer().get("jobs?pool=" + b).expect(200).json().isEmpty(), "no job was started for " + b);
    }

    @Test
    void failbackOfTheRepairedPoolWhileItsBackupPoolIsDownIsAllowedAndItsPlanSaysTheBackupPoolIsDown() {
        PoolPair pair = PoolPair.create(operator(), "cascadefb", 10, 1);
        String a = pair.pool();
        String b = pair.backupPool();
        assertEquals("COMPLETED", Pools.failOver(operator(), a).path("status").asText());
        operator().post("pools/" + b + "/outage").expect(200);
        operator().post("pools/" + a + "/repair").expect(200);

        JsonNode plan = operator()
                .post("pools/" + a + "/failback?dryRun=true")
                .expect(200)
                .json();
        assertEquals("DOWN", plan.path("backupPoolState").asText(), plan.toString());
        assertTrue(
                StreamSupport.stream(plan.path("steps").spliterator(), false)
                        .anyMatch(step -> step.asText().contains("backup pool " + b + " is DOWN")),
                plan.toString());

        long failback = Pools.startFailback(operator(), a, null);
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), failback, JOB_WAIT).path("status").asText());
        assertEquals("NORMAL", Pools.pool(viewer(), a).path("state").asText());
        assertEquals(10, Pools.pool(viewer(), a).path("counts").path("done").asLong());
        // A serves again, so B can now be failed over to it.
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), Pools.startFailover(operator(), b), JOB_WAIT)
                        .path("status")
                        .asText());
    }
}
