package org.failback.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.failback.it.Api;
import org.failback.it.Jobs;
import org.failback.it.Pools;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/**
 * Site recovery plans (POST /api/sites/{site}/outage|failover|failback): every Front End pool of the site, each its own
 * job run beside the others; a pool that cannot start is listed with its code and does not stop the rest.
 */
class SiteRecoveryPlanIT extends ProductIT {

    /** Three pools in one site (each backed up in a second site), none shared with another test. */
    private record Site(String name, String backupSite, List<String> pools) {

        static Site create(Api operator, String tag, int poolCount, int users) {
            String suffix = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
            Site site = new Site("st-" + tag + "-" + suffix, "sb-" + tag + "-" + suffix, new ArrayList<>());
            for (int i = 1; i <= poolCount; i++) {
                String pool = "fs" + i + "-" + tag + "-" + suffix;
                Pools.createPair(operator, site.name, site.backupSite, pool, pool + "-b", users, 120, true);
                site.pools.add(pool);
            }
            return site;
        }
    }

    @Test
    void siteFailoverStartsEveryPoolsJobAndThePlanEndsCompletedWithOneProgress() {
        Site site = Site.create(operator(), "all", 3, 40);
        JsonNode outage =
                operator().post("sites/" + site.name() + "/outage").expect(202).json();
        assertEquals(0, outage.path("refused").size(), outage.toString());
        for (String pool : site.pools()) {
            assertEquals("DOWN", Pools.pool(viewer(), pool).path("state").asText());
        }

        JsonNode plan = operator()
                .post("sites/" + site.name() + "/failover?dryRun=true")
                .expect(200)
                .json();
        assertEquals(3, plan.path("pools").size(), plan.toString());
        for (JsonNode pool : plan.path("pools")) {
            assertEquals(40, pool.path("usersAffected").asInt(), pool.toString());
        }
        assertEquals(
                "DOWN", Pools.pool(viewer(), site.pools().get(0)).path("state").asText(), "a dry run changes nothing");

        JsonNode started = operator()
                .post("sites/" + site.name() + "/failover")
                .expect(202)
                .json();
        assertEquals(3, started.path("jobExecutionIds").size(), started.toString());
        assertEquals(0, started.path("refused").size());
        awaitEvery(started, "COMPLETED");
        JsonNode view = viewer().get("sites/" + site.name()).expect(200).json();
        assertEquals(3, view.path("pools").size());
        JsonNode last = view.path("lastPlan");
        assertEquals("FAILOVER", last.path("kind").asText());
        assertEquals("COMPLETED", last.path("status").asText(), last.toString());
        assertEquals(120, last.path("itemsTotal").asLong(), "40 users in each of three pools");
        assertEquals(100.0, last.path("percent").asDouble(), 0.001);
        assertEquals(3, last.path("pools").size());

        // The run history holds each plan as one run with its per-pool rows, newest first.
        JsonNode history =
                viewer().get("sites/" + site.name() + "/plans").expect(200).json();
        assertEquals(2, history.size(), history.toString());
        assertEquals("FAILOVER", history.get(0).path("kind").asText());
        assertEquals(last.path("id").asLong(), history.get(0).path("id").asLong());
        assertEquals(site.name(), history.get(0).path("site").asText());
        assertEquals("OUTAGE", history.get(1).path("kind").asText());
        assertEquals(3, history.get(1).path("pools").size(), "one row per pool, no job: " + history.get(1));
        assertEquals(
                ids(started.path("jobExecutionIds")),
                ids(history.get(0).path("jobExecutionIds")),
                "the plan's runs are its pools' jobs");
    }

    @Test
    void aPoolThatCannotStartIsListedWithItsCodeAndTheOthersStillRun() {
        Site site = Site.create(operator(), "part", 2, 10);
        String refusedPool = site.pools().get(0);
        String startedPool = site.pools().get(1);
        operator().post("pools/" + startedPool + "/outage").expect(200);

        // Only the second pool is DOWN: the first (NORMAL) cannot be failed over.
        JsonNode answer = operator()
                .post("sites/" + site.name() + "/failover")
                .expect(202)
                .json();
        assertEquals(1, answer.path("jobExecutionIds").size(), answer.toString());
        JsonNode refused = answer.path("refused").get(0);
        assertEquals(refusedPool, refused.path("pool").asText());
        assertEquals("ILLEGAL_STATE", refused.path("code").asText());
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), answer.path("jobExecutionIds").get(0).asLong(), Duration.ofMinutes(3))
                        .path("status")
                        .asText());
        assertEquals("NORMAL", Pools.pool(viewer(), refusedPool).path("state").asText(), "refused: unchanged");
        assertEquals(
                "FAILED_OVER", Pools.pool(viewer(), startedPool).path("state").asText());

        JsonNode last = viewer().get("sites/" + site.name()).expect(200).json().path("lastPlan");
        assertEquals("COMPLETED", last.path("status").asText(), last.toString());
        Map<String, String> statusByPool = new HashMap<>();
        for (JsonNode row : last.path("pools")) {
            statusByPool.put(row.path("pool").asText(), row.path("status").asText());
        }
        assertEquals(Map.of(refusedPool, "REFUSED", startedPool, "COMPLETED"), statusByPool);
    }

    @Test
    void aSiteFailbackWhereOnePoolsJobFailsLeavesTheOthersCompletedAndTheSiteViewSayingWhich() {
        Site site = Site.create(operator(), "fail", 3, 20);
        operator().post("sites/" + site.name() + "/outage").expect(202);
        awaitEvery(
                operator()
                        .post("sites/" + site.name() + "/failover")
                        .expect(202)
                        .json(),
                "COMPLETED");
        for (String pool : site.pools()) {
            operator().post("pools/" + pool + "/repair").expect(200);
        }
        String failing = site.pools().get(1);

        // The test library's step fault: the first step of that pool's failback job fails once after its work (the
        // pool is FAILING_BACK, no user moved yet).
        operator()
                .post("test-hooks/step-faults", Map.of("pool", failing, "step", "begin-failback"))
                .expect(204);
        Map<String, String> endedByPool = new HashMap<>();
        try {
            JsonNode started = operator()
                    .post("sites/" + site.name() + "/failback")
                    .expect(202)
                    .json();
            assertEquals(3, started.path("jobExecutionIds").size(), started.toString());
            for (JsonNode id : started.path("jobExecutionIds")) {
                JsonNode job = Jobs.awaitEnd(operator(), id.asLong(), Duration.ofMinutes(3));
                endedByPool.put(job.path("pool").asText(), job.path("status").asText());
            }
        } finally {
            operator().delete("test-hooks/step-faults");
        }
        Map<String, String> expected = new HashMap<>();
        for (String pool : site.pools()) {
            expected.put(pool, pool.equals(failing) ? "FAILED" : "COMPLETED");
        }
        assertEquals(expected, endedByPool, "only the armed pool's job fails; the others run to the end");
        for (String pool : site.pools()) {
            assertEquals(
                    pool.equals(failing) ? "FAILING_BACK" : "NORMAL",
                    Pools.pool(viewer(), pool).path("state").asText(),
                    pool);
        }

        JsonNode last = viewer().get("sites/" + site.name()).expect(200).json().path("lastPlan");
        assertEquals("FAILBACK", last.path("kind").asText());
        assertEquals("FAILED", last.path("status").asText(), "one pool failed: the plan did not end well " + last);
        Map<String, String> rowByPool = new HashMap<>();
        for (JsonNode row : last.path("pools")) {
            rowByPool.put(
                    row.path("pool").asText(),
                    row.path("status").asText() + " " + row.path("failedStep").asText("-"));
        }
        Map<String, String> expectedRows = new HashMap<>();
        for (String pool : site.pools()) {
            expectedRows.put(pool, pool.equals(failing) ? "FAILED begin-failback" : "COMPLETED -");
        }
        assertEquals(expectedRows, rowByPool, last.toString());
    }

    private void awaitEvery(JsonNode started, String status) {
        for (JsonNode id : started.path("jobExecutionIds")) {
            assertEquals(
                    status,
                    Jobs.awaitEnd(operator(), id.asLong(), Duration.ofMinutes(3))
                            .path("status")
                            .asText());
        }
    }

    @Test
    void whenEveryPoolIsRefusedThePlanIs409WithTheListAndChangesNothing() {
        Site site = Site.create(operator(), "none", 2, 5);
        var refused = operator().post("sites/" + site.name() + "/failback");
        assertEquals(409, refused.status(), refused.body());
        JsonNode body = refused.json();
        assertEquals("ILLEGAL_STATE", body.path("code").asText());
        assertEquals(2, body.path("refused").size());
        assertTrue(
                viewer().get("sites/" + site.name())
                        .expect(200)
                        .json()
                        .path("lastPlan")
                        .isNull(),
                "a plan that changed nothing is not recorded");
        for (String pool : site.pools()) {
            assertEquals("NORMAL", Pools.pool(viewer(), pool).path("state").asText());
        }
    }

    @Test
    void unknownSiteIs404AndAViewerCannotRunAPlan() {
        assertEquals("NOT_FOUND", viewer().get("sites/no-such-site").expect(404).code());
        assertEquals(
                "NOT_FOUND",
                viewer().get("sites/no-such-site/plans").expect(404).code());
        assertEquals(
                "NOT_FOUND",
                operator().post("sites/no-such-site/outage").expect(404).code());
        Site site = Site.create(operator(), "role", 1, 0);
        assertEquals(403, viewer().post("sites/" + site.name() + "/outage").status());
        assertEquals(
                "NORMAL",
                Pools.pool(viewer(), site.pools().get(0)).path("state").asText());
    }

    private static java.util.Set<Long> ids(JsonNode array) {
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }
}
