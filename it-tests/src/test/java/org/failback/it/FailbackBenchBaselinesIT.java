package org.failback.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The failback benchmark's case is seed 000's: a failback while a share of the affected users is signed in to the
 * backup pool. The test library's bulk sign-in sets it up, and the benchmark's keyset-loop and set-based baselines make
 * the job's changes to the same rows, or its ratios compare different work.
 */
class FailbackBenchBaselinesIT extends ProductIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int USERS = 2000;

    @Test
    void alreadySignedInUsersRemainSignedInAtHomeInRegularModeAndTheBaselinesMakeTheJobsChanges() {
        Api operator = operator();
        String pool = unique("bsig");
        Pools.createPair(operator, pool, USERS);
        JsonNode failover = Pools.failOver(operator, pool);
        assertEquals("COMPLETED", failover.path("status").asText(), failover.toString());
        long signedIn = operator.post("test-hooks/bench/" + pool + "/sign-in", Map.of("share", 1.0 / 3))
                .expect(200)
                .json()
                .path("signedIn")
                .asLong();
        assertTrue(signedIn > USERS / 4 && signedIn < USERS / 2, "about a third signed in: " + signedIn);
        List<String> onBackup = users(operator, pool);
        assertEquals(
                signedIn,
                onBackup.stream()
                        .filter(u -> u.endsWith("signedIn=true serving=" + Pools.backupOf(pool) + " mode=REGULAR"))
                        .count(),
                "signed in to the backup pool, regular mode (failover completed)");
        operator.post("pools/" + pool + "/repair").expect(200);

        JsonNode failback = Jobs.awaitEnd(operator, Pools.startFailback(operator, pool, null), TIMEOUT);
        assertEquals("COMPLETED", failback.path("status").asText(), failback.toString());
        List<String> byJob = users(operator, pool);
        // Seed 000, "User state of user already logged in", after failback completion: "User remains signed in and
        // goes into regular mode", served by the home pool again.
        assertEquals(
                signedIn,
                byJob.stream()
                        .filter(u -> u.endsWith("DONE signedIn=true serving=" + pool + " mode=REGULAR"))
                        .count(),
                byJob.subList(0, 3).toString());
        assertEquals(
                USERS - signedIn,
                byJob.stream()
                        .filter(u -> u.endsWith("DONE signedIn=false serving=null mode=null"))
                        .count());

        for (String baseline : List.of("loop", "set-based")) {
            JsonNode ran = operator.post("test-hooks/bench/" + pool + "/" + baseline)
                    .expect(200)
                    .json();
            assertTrue(ran.path("seconds").asDouble() > 0, ran.toString());
            assertEquals("NORMAL", Pools.pool(operator, pool).path("state").asText(), baseline);
            assertEquals(byJob, users(operator, pool), baseline + " leaves the users as the job does");
        }
    }

    /** Every user of the pool, in SIP order: "sip STATUS signedIn=… serving=… mode=…". */
    private static List<String> users(Api api, String pool) {
        List<String> users = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get("pools/" + pool + "/users?size=500&page=" + page)
                    .expect(200)
                    .json()
                    .path("items");
            for (JsonNode user : items) {
                users.add(user.path("sip").asText() + " "
                        + user.path("failbackStatus").asText() + " signedIn="
                        + user.path("signedIn").asBoolean() + " serving="
                        + user.path("servingPool").asText("null")
                        + " mode=" + user.path("mode").asText("null"));
            }
            if (items.size() < 500) {
                return users;
            }
        }
    }
}
