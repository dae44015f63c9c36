package org.failback.it.chat;

import static org.failback.it.chat.ChatPools.awaitCompleted;
import static org.failback.it.chat.ChatPools.backupSite;
import static org.failback.it.chat.ChatPools.pool;
import static org.failback.it.chat.ChatPools.primarySite;
import static org.failback.it.chat.ChatPools.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.it.Jobs;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, "fail each runbook step once, restart, end state equal to an uninterrupted run": every step of
 * pchat-failover and pchat-failback fails once right after its work (the test library's step fault, as a lost
 * connection would after the data was written), and a restart of the execution ends where an uninterrupted run ends:
 * the pool's state and active servers, every message exactly once and in order in mgc and in mgccomp.
 */
class PersistentChatStepFaultIT extends ProductIT {

    @AfterEach
    void disarm() {
        operator().delete("test-hooks/step-faults");
    }

    @ParameterizedTest(name = "pchat-failover fails once after {0}")
    @ValueSource(
            strings = {
                "check-share-access",
                "remove-log-shipping",
                "apply-pending-backups",
                "end-connections",
                "recover-databases",
                "set-pool-state-failed-over"
            })
    void aFailoverStepThatFailsOnceAfterItsWorkEndsAsAnUninterruptedFailoverWhenRestarted(String step) {
        String pool = unique("pf");
        List<String> expected = ChatPools.shipped(operator(), client(), pool);
        operator().post("chat/pools/" + pool + "/outage").expect(200);
        arm(pool, step);

        long failed = start(operator().post("chat/pools/" + pool + "/failover"));
        assertFailedAt(failed, step);
        awaitCompleted(operator(), start(operator().post("jobs/" + failed + "/restart")));

        JsonNode after = pool(viewer(), pool);
        assertEquals("FAILED_OVER", after.path("state").asText(), after.toString());
        assertEquals(List.of("chat1." + backupSite(pool)), texts(after.path("activeServers")));
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", false, 1000));
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", true, 1000));
        ChatPools.post(client(), pool + "-room", "served by the backup after the restart");
        String listed = viewer().get("jobs?pool=" + pool).expect(200).body();
        assertTrue(listed.contains("\"id\":" + failed), "the chat pool's jobs are listed by its name: " + listed);
    }

    @ParameterizedTest(name = "pchat-failback fails once after {0}")
    @ValueSource(
            strings = {
                "clear-active-servers",
                "remove-mirroring",
                "backup-mgc-to-share",
                "restore-primary",
                "configure-log-shipping",
                "set-active-servers",
                "set-pool-state-normal"
            })
    void aFailbackStepThatFailsOnceAfterItsWorkEndsAsAnUninterruptedFailbackWhenRestarted(String step) {
        String pool = unique("pb");
        List<String> expected = ChatPools.failedOverAndRebuilt(operator(), client(), pool);
        arm(pool, step);

        long failed = ChatPools.startFailback(operator(), pool);
        assertFailedAt(failed, step);
        awaitCompleted(operator(), start(operator().post("jobs/" + failed + "/restart")));

        JsonNode after = pool(viewer(), pool);
        assertEquals("NORMAL", after.path("state").asText(), after.toString());
        assertEquals(
                List.of("chat1." + primarySite(pool), "chat2." + primarySite(pool)),
                texts(after.path("activeServers")));
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", false, 1000));
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", true, 1000));
        JsonNode round = ChatPools.shipRound(operator(), pool);
        assertEquals("COMPLETED", round.path("status").asText(), "the backup ships from the new primary again");
    }

    private void arm(String pool, String step) {
        assertEquals(
                204,
                operator()
                        .post("test-hooks/step-faults", Map.of("pool", pool, "step", step))
                        .status());
    }

    private void assertFailedAt(long execution, String step) {
        JsonNode job = Jobs.awaitEnd(operator(), execution, ChatPools.JOB_TIMEOUT);
        assertEquals("FAILED", job.path("status").asText(), job.toString());
        assertEquals("FAILED", Jobs.step(job, step).path("status").asText(), job.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
