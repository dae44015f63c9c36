package org.failback.it.chat;

import static org.failback.it.chat.ChatPools.awaitCompleted;
import static org.failback.it.chat.ChatPools.backupSite;
import static org.failback.it.chat.ChatPools.database;
import static org.failback.it.chat.ChatPools.newestCommand;
import static org.failback.it.chat.ChatPools.pool;
import static org.failback.it.chat.ChatPools.post;
import static org.failback.it.chat.ChatPools.postStatus;
import static org.failback.it.chat.ChatPools.primarySite;
import static org.failback.it.chat.ChatPools.servers;
import static org.failback.it.chat.ChatPools.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.failback.it.Api;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/** Seed 003 end to end over HTTP: failover, posts on the backup, rebuild, failback, and nothing lost or doubled. */
class PersistentChatFailbackIT extends ProductIT {

    private static final List<String> FAILBACK_STEPS = List.of(
            "clear-active-servers",
            "remove-mirroring",
            "backup-mgc-to-share",
            "restore-primary",
            "configure-log-shipping",
            "set-active-servers",
            "set-pool-state-normal");

    private static final List<String> FAILOVER_STEPS = List.of(
            "check-share-access",
            "remove-log-shipping",
            "apply-pending-backups",
            "end-connections",
            "recover-databases",
            "set-pool-state-failed-over");

    @Test
    void everyMessageShippedOrPostedOnTheBackupIsOnThePrimaryExactlyOnceInOrderAfterFailback() {
        String pool = unique("pc");
        JsonNode created = ChatPools.create(operator(), pool, false);
        assertEquals("NORMAL", created.path("state").asText());
        assertEquals(
                List.of("chat1." + primarySite(pool), "chat2." + primarySite(pool)),
                texts(created.path("activeServers")));

        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String room : List.of(pool + "-general", pool + "-ops", pool + "-dev")) {
            ChatPools.room(client(), pool, room);
            expected.put(room, new ArrayList<>());
            for (int i = 0; i < 4; i++) {
                String text = "before failover " + i + " in " + room;
                post(client(), room, text);
                expected.get(room).add(text);
            }
        }
        ChatPools.shipRound(operator(), pool);

        operator().post("chat/pools/" + pool + "/outage").expect(200);
        String room = pool + "-general";
        assertEquals("DOWN", pool(viewer(), pool).path("state").asText());
        assertEquals(503, postStatus(client(), room, "while down"));
        assertEquals(
                "CHAT_UNAVAILABLE",
                client().post("chat/rooms/" + room + "/messages", Map.of("sender", "sip:a@example.com", "text", "x"))
                        .code());

        long commands = newestCommand(viewer());
        JsonNode plan = operator()
                .post("chat/pools/" + pool + "/failover?dryRun=true")
                .expect(200)
                .json();
        assertEquals(FAILOVER_STEPS, names(plan.path("steps")));
        assertFalse(plan.path("commands").isEmpty(), plan.toString());
        assertEquals(commands, newestCommand(viewer()), "a dry run issues nothing");
        assertEquals("DOWN", pool(viewer(), pool).path("state").asText());

        JsonNode failover = awaitCompleted(operator(), start(operator().post("chat/pools/" + pool + "/failover")));
        assertEquals(FAILOVER_STEPS, ChatPools.stepNames(failover));
        JsonNode failedOver = pool(viewer(), pool);
        assertEquals("FAILED_OVER", failedOver.path("state").asText());
        assertEquals(List.of("chat1." + backupSite(pool)), texts(failedOver.path("activeServers")));
        assertTrue(
                failedOver.path("recoveryPoint").path("file").asText().startsWith("mgc-" + pool + "-sql1-"),
                failedOver.toString());
        assertTrue(logOf(failover.path("id").asLong()).contains("Lync's runbook does not fail mgccomp over; we do"));

        for (String r : expected.keySet()) {
            assertEquals(expected.get(r), texts(client(), r, false, 3), "shipped before the outage: " + r);
            for (int i = 0; i < 3; i++) {
                String text = "on the backup " + i + " in " + r;
                post(client(), r, text);
                expected.get(r).add(text);
            }
        }

        assertEquals(
                409,
                operator()
                        .post("chat/pools/" + pool + "/failback", servers("chat1." + primarySite(pool)))
                        .status(),
                "the primary is not rebuilt yet");
        JsonNode rebuilt = operator()
                .post("chat/pools/" + pool + "/rebuild-primary")
                .expect(200)
                .json();
        assertTrue(rebuilt.path("primaryRebuilt").asBoolean());

        commands = newestCommand(viewer());
        assertEquals(
                "ACTIVE_SERVER_REMOTE",
                operator()
                        .post("chat/pools/" + pool + "/failback", servers("chat1." + backupSite(pool)))
                        .code());
        JsonNode failbackPlan = operator()
                .post(
                        "chat/pools/" + pool + "/failback?dryRun=true",
                        servers("chat1." + primarySite(pool), "chat2." + primarySite(pool)))
                .expect(200)
                .json();
        assertEquals(FAILBACK_STEPS, names(failbackPlan.path("steps")));
        assertTrue(
                failbackPlan.path("commands").toString().contains("WITH REPLACE, RECOVERY"), failbackPlan.toString());
        assertEquals(commands, newestCommand(viewer()), "a refused start and a dry run issue nothing");
        assertEquals("FAILED_OVER", pool(viewer(), pool).path("state").asText());

        long failbackId = start(operator()
                .post(
                        "chat/pools/" + pool + "/failback",
                        servers("chat1." + primarySite(pool), "chat2." + primarySite(pool))));
        assertEquals(
                409,
                operator()
                        .post("chat/pools/" + pool + "/failback", servers("chat1." + primarySite(pool)))
                        .status(),
                "one failback at a time: a second start is refused");
        JsonNode failback = awaitCompleted(operator(), failbackId);
        assertEquals(FAILBACK_STEPS, ChatPools.stepNames(failback));
        String log = logOf(failbackId);
        assertTrue(log.contains("has no database mirroring, nothing to remove"), log);

        JsonNode normal = pool(viewer(), pool);
        assertEquals("NORMAL", normal.path("state").asText());
        assertEquals(
                List.of("chat1." + primarySite(pool), "chat2." + primarySite(pool)),
                texts(normal.path("activeServers")));
        assertTrue(normal.path("recoveryPoint").isNull(), normal.toString());
        assertEquals(pool + "-sql1", normal.path("activeInstance").asText());

        for (String r : expected.keySet()) {
            assertEquals(expected.get(r), texts(viewer(), r, false, 2), "mgc on the primary: " + r);
            assertEquals(expected.get(r), texts(viewer(), r, true, 1000), "mgccomp on the primary: " + r);
        }
        String after = "after failback";
        post(client(), room, after);
        expected.get(room).add(after);

        Instant beforeRound = Instant.now().minusSeconds(1);
        ChatPools.shipRound(operator(), pool);
        JsonNode shipped = pool(viewer(), pool);
        JsonNode secondary = database(shipped, "mgc", pool + "-sql2");
        assertEquals("SECONDARY", secondary.path("role").asText(), shipped.toString());
        assertEquals(
                "PRIMARY", database(shipped, "mgc", pool + "-sql1").path("role").asText());
        JsonNode monitor = secondary.path("logShipping");
        assertFalse(monitor.path("alert").asBoolean(), monitor.toString());
        assertTrue(monitor.path("lastRestoredFile").asText().startsWith("mgc-" + pool + "-sql1-"), monitor.toString());
        assertTrue(Instant.parse(monitor.path("lastRestore").asText()).isAfter(beforeRound), monitor.toString());
        assertEquals(expected.get(room), texts(viewer(), room, true, 1000));
    }

    @Test
    void messagesPostedAfterTheLastShippedBackupAreExactlyWhatTheRecoveryPointSaysIsLost() {
        String pool = unique("pc");
        ChatPools.create(operator(), pool, false);
        String room = pool + "-room";
        ChatPools.room(client(), pool, room);
        List<String> shippedTexts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            shippedTexts.add("shipped " + i);
            post(client(), room, "shipped " + i);
        }
        Instant lastShippedPost = lastPostedAt(room);
        ChatPools.shipRound(operator(), pool);
        JsonNode beforeOutage = pool(viewer(), pool);
        String shippedFile = database(beforeOutage, "mgc", pool + "-sql2")
                .path("logShipping")
                .path("lastRestoredFile")
                .asText();
        for (int i = 0; i < 3; i++) {
            post(client(), room, "not shipped " + i);
        }
        Instant firstLostPost = firstPostedAtAfter(room, shippedTexts.size());

        ChatPools.failOver(operator(), pool);
        JsonNode recovery = pool(viewer(), pool).path("recoveryPoint");
        assertEquals(shippedFile, recovery.path("file").asText(), recovery.toString());
        Instant takenAt = Instant.parse(recovery.path("backupTakenAt").asText());
        assertFalse(takenAt.isBefore(lastShippedPost), "the recovery point holds every shipped message");
        assertTrue(takenAt.isBefore(firstLostPost), "and none posted after it");
        assertEquals(shippedTexts, texts(viewer(), room, false, 1000), "exactly the messages after it are lost");
        assertEquals(shippedTexts, texts(viewer(), room, true, 1000));
        long id = post(client(), room, "first on the backup");
        assertTrue(id > 0);
    }

    @Test
    void activeServersOutsideTheDatabasesSiteAreRefusedUnlessTheLinkIsLowLatency() {
        String remote = unique("pc");
        ChatPools.create(operator(), remote, false);
        long commands = newestCommand(viewer());
        Api.Reply refused =
                operator().put("chat/pools/" + remote + "/active-servers", servers("chat1." + backupSite(remote)));
        assertEquals(409, refused.status());
        assertEquals("ACTIVE_SERVER_REMOTE", refused.code());
        assertEquals(
                List.of("chat1." + primarySite(remote), "chat2." + primarySite(remote)),
                texts(pool(viewer(), remote).path("activeServers")),
                "nothing changed");
        assertEquals(commands, newestCommand(viewer()));

        String near = unique("pc");
        ChatPools.create(operator(), near, true);
        JsonNode set = operator()
                .put("chat/pools/" + near + "/active-servers", servers("chat1." + backupSite(near)))
                .expect(200)
                .json();
        assertEquals(List.of("chat1." + backupSite(near)), texts(set.path("activeServers")));
    }

    private Instant lastPostedAt(String room) {
        JsonNode messages =
                viewer().get("chat/rooms/" + room + "/messages").expect(200).json();
        return Instant.parse(messages.get(messages.size() - 1).path("postedAt").asText());
    }

    private Instant firstPostedAtAfter(String room, int skip) {
        JsonNode messages =
                viewer().get("chat/rooms/" + room + "/messages").expect(200).json();
        return Instant.parse(messages.get(skip).path("postedAt").asText());
    }

    private String logOf(long execution) {
        return viewer().get("jobs/" + execution + "/log").expect(200).body();
    }

    private static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    private static List<String> texts(Api api, String room, boolean compliance, int page) {
        return ChatPools.texts(api, room, compliance, page);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
