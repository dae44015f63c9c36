package org.failback.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/** Fresh, isolated Front End pool pairs for a test, and the pool actions tests chain. */
public final class Pools {

    private Pools() {}

    /**
     * Creates pools {@code name} (site {name}-s1) and {@code name-b} (site {name}-s2) backing each other up, each with
     * a first verified LIS backup.
     */
    public static void createPair(Api operator, String name, int users) {
        createPair(operator, name, users, true);
    }

    public static void createPair(Api operator, String name, int users, boolean lisBackup) {
        createPair(operator, name + "-s1", name + "-s2", name, backupOf(name), users, 120, lisBackup);
    }

    /** The one way tests create topology: {@code POST /api/topology/pairs}. */
    public static void createPair(
            Api operator,
            String site,
            String backupSite,
            String pool,
            String backupPool,
            int users,
            int resiliencyTimerSeconds,
            boolean lisBackup) {
        operator.post(
                        "topology/pairs",
                        Map.of(
                                "site",
                                site,
                                "backupSite",
                                backupSite,
                                "pool",
                                pool,
                                "backupPool",
                                backupPool,
                                "users",
                                users,
                                "resiliencyTimerSeconds",
                                resiliencyTimerSeconds,
                                "lisBackup",
                                lisBackup))
                .expect(201);
    }

    /** A fresh pair whose first pool is failed over (job completed) and repaired: ready for failback. */
    public static void createFailedOverAndRepaired(Api operator, String pool, int users) {
        createPair(operator, pool, users);
        JsonNode failover = failOver(operator, pool);
        if (!"COMPLETED".equals(failover.path("status").asText())) {
            throw new AssertionError("failover of " + pool + " did not complete: " + failover);
        }
        operator.post("pools/" + pool + "/repair").expect(200);
    }

    public static String backupOf(String pool) {
        return pool + "-b";
    }

    public static String sip(String pool, int n) {
        return String.format("sip:user%05d@%s.example.com", n, pool);
    }

    public static JsonNode pool(Api api, String pool) {
        return api.get("pools/" + pool).expect(200).json();
    }

    /** Outage, then a failover job run to completion. */
    public static JsonNode failOver(Api operator, String pool) {
        operator.post("pools/" + pool + "/outage").expect(200);
        return Jobs.awaitEnd(operator, startFailover(operator, pool), Duration.ofMinutes(3));
    }

    /** Starts the failover of a pool that is down; answers the job execution id. */
    public static long startFailover(Api operator, String pool) {
        return operator.post("pools/" + pool + "/failover")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
    }

    public static long startFailback(Api operator, String pool, Object body) {
        return operator.send("POST", "pools/" + pool + "/failback", body)
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
    }

    /** The failback completed for every user: the pool NORMAL, all {@code users} DONE, each moved home exactly once. */
    /**
     * Failback completion is the pool's, not one write per user: the transition audit holds no MOVED→DONE (seed 000,
     * "after failback completion", issue 19 item 2).
     */
    public static void assertNoSecondWritePerUser(JsonNode audit) {
        assertEquals(0, audit.path("transitions").path("MOVED->DONE").asLong(), audit.toString());
    }

    public static void assertEveryUserMovedHomeOnce(Api api, String pool, long users) {
        JsonNode state = pool(api, pool);
        assertEquals("NORMAL", state.path("state").asText(), state.toString());
        assertEquals(users, state.path("counts").path("done").asLong(), state.toString());
        JsonNode audit =
                api.get("pools/" + pool + "/transition-audit").expect(200).json();
        assertEquals(users, audit.path("transitions").path("ON_BACKUP->MOVED").asLong(), audit.toString());
        assertNoSecondWritePerUser(audit);
        assertEquals(0, audit.path("usersWithRepeatedTransition").asLong(), audit.toString());
    }
}
