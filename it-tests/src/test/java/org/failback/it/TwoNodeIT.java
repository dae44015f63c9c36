package org.failback.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.failback.it.chat.ChatPools;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Two nodes on one data directory (issue #18): node A is the restartable server, node B a second WildFly on A's data
 * directory. They share the product database, the job repository and the managed databases through H2's mixed mode;
 * the pool locks and their leases (on the database's clock) make one node's job safe from the other, and a job of a
 * node that died is finished by the survivor once the dead node's lease ran out.
 */
class TwoNodeIT extends RestartableServerIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final int USERS = 20_000;
    private static final int CHUNK = 500;
    private static final int PARTITIONS = 2;

    @Deployment(name = SecondNode.DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(SecondNode.CONTAINER)
    public static EnterpriseArchive productOnNodeB() {
        return Deployments.testEar();
    }

    /**
     * Node B leaves after each test: the other restart tests find node A alone (started again by them if a test here
     * killed it, then opening the databases embedded).
     */
    @AfterEach
    void backToOneNode() {
        try {
            Api.as(RestartableServer.SERVER, "operator").delete("test-hooks/crash-points");
        } catch (IllegalStateException nodeADown) {
            // nothing parks on a server that is not there
        }
        SecondNode.stop(controller);
    }

    @Test
    void aFailbackOfAKilledNodeIsRefusedToTheOtherWhileItsLeaseLivesAndFinishedByItAfterwardsEveryUserMovedOnce() {
        bothNodesUp();
        Api onA = Api.as(RestartableServer.SERVER, "operator");
        Api onB = Api.as(SecondNode.SERVER, "operator");
        String pool = unique("twon");
        Pools.createFailedOverAndRepaired(onA, pool, USERS);
        onA.post("test-hooks/crash-points", Map.of("pool", pool, "step", "move-users-home", "chunk", 3))
                .expect(204);
        long onNodeA = Pools.startFailback(onA, pool, Map.of("itemCount", CHUNK, "partitions", PARTITIONS));
        awaitParkedOnNodeA(onA, "the failback at its third chunk", PARTITIONS);

        // Node A lives (its job is parked, its lease renewed): node B refuses to take the job or start another.
        assertRestartRefusedNamingNodeAAndItsLease(onB, onNodeA);
        Api.Reply secondFailback = onB.post("pools/" + pool + "/failback");
        assertEquals(409, secondFailback.status(), secondFailback.body());
        assertEquals("JOB_RUNNING", secondFailback.code(), secondFailback.body());
        JsonNode seenOnB = onB.get("jobs/" + onNodeA).expect(200).json();
        assertEquals("STARTED", seenOnB.path("status").asText(), seenOnB.toString());

        killNodeA();
        Instant killed = Instant.now();
        long onNodeB = restartOnceTheLeaseExpired(onB, onNodeA);
        Duration takeOver = Duration.between(killed, Instant.now());
        JsonNode done = Jobs.awaitEnd(onB, onNodeB, TIMEOUT);
        Duration finished = Duration.between(killed, Instant.now());
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals(onNodeA, done.path("restartOf").asLong(), done.toString());

        Pools.assertEveryUserMovedHomeOnce(onB, pool, USERS);
        assertTrue(
                onB.get("jobs/" + onNodeA + "/log").body().contains("started on node-a/"),
                "node A's part is in the run's log");
        assertTrue(onB.get("jobs/" + onNodeB + "/log").body().contains("started on node-b/"));
        JsonNode history = onB.get("jobs?pool=" + pool).expect(200).json();
        assertTrue(
                StreamSupport.stream(history.spliterator(), false)
                        .anyMatch(run -> run.path("id").asLong() == onNodeA),
                "node B's run history has node A's execution: " + history);
        System.out.printf(
                "two-node takeover: users=%d, lease=30 s, restart accepted %.1f s after the kill, completed %.1f s"
                        + " after it%n",
                USERS, takeOver.toMillis() / 1000.0, finished.toMillis() / 1000.0);

        assumeTrue(Browser.available(), "no Chromium here: the portal part is not checked");
        try (Browser browser = Browser.open(SecondNode.SERVER)) {
            browser.signIn("operator");
            browser.go("/job.xhtml?id=" + onNodeB);
            browser.await(d -> d.findElement(By.id("job-status")).getText().equals("COMPLETED") ? true : null);
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(page.contains("restart of #" + onNodeA), page);
            browser.go("/job.xhtml?id=" + onNodeA);
            browser.await(d -> d.findElement(By.id("log")).getText().contains("started on node-a/") ? true : null);
        }
    }

    @Test
    void aChatFailbackOfAKilledNodeIsRefusedToTheOtherWhileItsLeaseLivesAndFinishedByItAfterwardsEveryMessageOnce() {
        bothNodesUp();
        Api onA = Api.as(RestartableServer.SERVER, "operator");
        Api onB = Api.as(SecondNode.SERVER, "operator");
        String pool = unique("twoc");
        List<String> expected = ChatPools.failedOverAndRebuilt(onA, Api.as(RestartableServer.SERVER, "client"), pool);
        // Parked after its backup of the backup's mgc, before the step is recorded as done.
        onA.post("test-hooks/crash-points", Map.of("pool", pool, "step", "backup-mgc-to-share", "chunk", 0))
                .expect(204);
        long onNodeA = ChatPools.startFailback(onA, pool);
        awaitParkedOnNodeA(onA, "the chat failback after its backup", 1);

        assertRestartRefusedNamingNodeAAndItsLease(onB, onNodeA);

        killNodeA();
        long onNodeB = restartOnceTheLeaseExpired(onB, onNodeA);
        ChatPools.awaitCompleted(onB, onNodeB);
        assertEquals("NORMAL", ChatPools.pool(onB, pool).path("state").asText());
        Api viewerOnB = Api.as(SecondNode.SERVER, "viewer");
        assertEquals(expected, ChatPools.texts(viewerOnB, pool + "-room", false, 1000), "mgc on the primary");
        assertEquals(expected, ChatPools.texts(viewerOnB, pool + "-room", true, 1000), "mgccomp on the primary");
    }

    @Test
    void aScheduledLisBackupRunsOncePerPeriodWithTwoNodesUp() {
        bothNodesUp();
        Api onA = Api.as(RestartableServer.SERVER, "operator");
        Api onB = Api.as(SecondNode.SERVER, "operator");
        String pool = unique("twol");
        Pools.createPair(onA, pool, 10);
        int before = onB.get("lis/" + pool + "/backups").expect(200).json().size();
        // Due at once, then every 60 minutes: both nodes tick every 10 s, and exactly one of them runs it.
        onB.put("lis/" + pool + "/backup-schedule", Map.of("everyMinutes", 60, "keep", 24))
                .expect(200);
        Jobs.await(
                "the scheduled LIS backup of " + pool,
                TIMEOUT,
                () -> onA.get("lis/" + pool + "/backups").expect(200).json().size() > before);
        // Three more ticks of each node: a second run in this period would show here.
        sleep(Duration.ofSeconds(35));
        JsonNode backups = onA.get("lis/" + pool + "/backups").expect(200).json();
        assertEquals(before + 1, backups.size(), "one scheduled backup in the period: " + backups);
        long scheduledRuns = StreamSupport.stream(
                        onB.get("jobs?pool=" + pool).expect(200).json().spliterator(), false)
                .filter(run -> run.path("jobName").asText().equals("lis-backup"))
                .filter(run -> run.path("startedBy").asText().equals("scheduler"))
                .count();
        assertEquals(1, scheduledRuns, "one lis-backup run by the scheduler of either node");
    }

    private void bothNodesUp() {
        RestartableServer.ensureUp(controller, deployer);
        SecondNode.ensureUp(controller, deployer);
    }

    private void killNodeA() {
        RestartableServer.crash(controller, RestartableServer.CONTAINER, System.getProperty("restart.base"));
    }

    private static void awaitParkedOnNodeA(Api onA, String what, int threads) {
        Jobs.awaitParked(onA, what + " on node A", threads, TIMEOUT);
    }

    /** While node A lives (its job parked, its lease renewed), node B refuses the restart and says whose lease. */
    private static void assertRestartRefusedNamingNodeAAndItsLease(Api onB, long execution) {
        Api.Reply restart = onB.post("jobs/" + execution + "/restart");
        assertEquals(409, restart.status(), restart.body());
        assertEquals("JOB_RUNNING", restart.code(), restart.body());
        String refusal = restart.json().path("message").asText();
        assertTrue(refusal.contains("node-a/") && refusal.contains("lease until"), refusal);
    }

    /** Restarts from the surviving node as soon as it accepts: 409 JOB_RUNNING until the dead node's lease ran out. */
    private static long restartOnceTheLeaseExpired(Api survivor, long execution) {
        Instant killed = Instant.now();
        int refused = 0;
        while (true) {
            Api.Reply restart = survivor.post("jobs/" + execution + "/restart");
            if (restart.status() == 202) {
                System.out.printf(
                        "restart of %d accepted %.1f s after the kill, refused %d times before%n",
                        execution, Duration.between(killed, Instant.now()).toMillis() / 1000.0, refused);
                return restart.json().path("jobExecutionId").asLong();
            }
            assertEquals("JOB_RUNNING", restart.code(), restart.body());
            assertTrue(
                    Duration.between(killed, Instant.now()).compareTo(TIMEOUT) < 0,
                    "the surviving node never took over: " + restart.body());
            refused++;
            sleep(Duration.ofSeconds(1));
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
