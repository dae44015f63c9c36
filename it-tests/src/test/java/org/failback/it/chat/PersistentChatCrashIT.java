package org.failback.it.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.failback.it.Api;
import org.failback.it.Jobs;
import org.failback.it.RestartableServer;
import org.failback.it.RestartableServerIT;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while pchat-failback backs up the backup's mgc, and while it restores the primary: after the
 * restart, a restart of the execution ends where an uninterrupted failback ends, every message once, in order.
 */
class PersistentChatCrashIT extends RestartableServerIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @Test
    void killedWhileBackingUpTheBackupsMgcTheRestartedFailbackEndsAsAnUninterruptedOne() {
        crashDuring(Set.of("BACKUP_DATABASE", "RESTORE_VERIFYONLY"), "-sql2");
    }

    @Test
    void killedWhileRestoringThePrimaryTheRestartedFailbackEndsAsAnUninterruptedOne() {
        crashDuring(Set.of("RESTORE_DATABASE"), "-sql1");
    }

    private void crashDuring(Set<String> commandTypes, String instanceSuffix) {
        RestartableServer.ensureUp(controller, deployer);
        Api operator = Api.as(RestartableServer.SERVER, "operator");
        Api client = Api.as(RestartableServer.SERVER, "client");
        String pool = "pk-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        ChatPools.create(operator, pool, false);
        String room = pool + "-room";
        ChatPools.room(client, pool, room);
        List<String> expected = new ArrayList<>();
        // Large enough messages that the backup and the restore take long enough to be caught running.
        String filler = "x".repeat(3500);
        for (int i = 0; i < 500; i++) {
            String text = i + " " + filler;
            ChatPools.post(client, room, text);
            expected.add(text);
        }
        ChatPools.shipRound(operator, pool);
        ChatPools.failOver(operator, pool);
        operator.post("chat/pools/" + pool + "/rebuild-primary").expect(200);
        long execution = ChatPools.start(operator.post(
                "chat/pools/" + pool + "/failback",
                ChatPools.servers("chat1." + ChatPools.primarySite(pool), "chat2." + ChatPools.primarySite(pool))));

        boolean caught = awaitOpenCommand(operator, execution, commandTypes, pool + instanceSuffix);
        RestartableServer.crashAndStart(controller);
        Api again = Api.as(RestartableServer.SERVER, "operator");
        JsonNode job = again.get("jobs/" + execution).expect(200).json();
        System.out.println("kill -9 " + (caught ? "during " + commandTypes : "(the command ended first)") + ": job "
                + execution + " was " + job.path("status").asText());
        if (!"COMPLETED".equals(job.path("status").asText())) {
            ChatPools.awaitCompleted(again, ChatPools.start(again.post("jobs/" + execution + "/restart")));
        }
        assertEquals("NORMAL", ChatPools.pool(again, pool).path("state").asText());
        Api viewer = Api.as(RestartableServer.SERVER, "viewer");
        assertEquals(expected, ChatPools.texts(viewer, room, false, 1000));
        assertEquals(expected, ChatPools.texts(viewer, room, true, 1000));
        ChatPools.post(Api.as(RestartableServer.SERVER, "client"), room, "after the crash");
    }

    /**
     * Polls without pausing (a backup of a few MB lasts some tens of milliseconds) until the execution has an open
     * command of those types on that instance; false if the job ended first.
     */
    private static boolean awaitOpenCommand(Api operator, long execution, Set<String> types, String instance) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode c : operator.get("sql/commands?job=" + execution + "&instance=" + instance + "&limit=5")
                    .expect(200)
                    .json()) {
                if (types.contains(c.path("commandType").asText())
                        && c.path("endTime").isNull()) {
                    return true;
                }
            }
            String status = operator.get("jobs/" + execution)
                    .expect(200)
                    .json()
                    .path("status")
                    .asText();
            if (Jobs.ENDED.contains(status)) {
                return false;
            }
        }
        throw new AssertionError("job " + execution + " neither ran " + types + " nor ended within " + TIMEOUT);
    }
}
