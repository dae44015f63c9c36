package org.failback.it.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.it.Api;
import org.failback.it.Jobs;

/**
 * A fresh Persistent Chat pool per test: two new sites (a Front End pair's, {@code POST /api/topology/pairs}) and
 * {@code POST /api/chat/pools} between them, so no test depends on another's state of the demo pool.
 */
public final class ChatPools {

    static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

    private ChatPools() {}

    /** A pool named {@code name} with primary site {@code <name>-s1}, backup site {@code <name>-s2}. */
    static JsonNode create(Api operator, String name, boolean lowLatency) {
        operator.post(
                        "topology/pairs",
                        Map.of(
                                "site", name + "-s1",
                                "backupSite", name + "-s2",
                                "pool", name + "-fe",
                                "backupPool", name + "-fe-b",
                                "users", 1,
                                "lowLatency", lowLatency,
                                "lisBackup", false))
                .expect(201);
        return operator.post(
                        "chat/pools", Map.of("name", name, "primarySite", name + "-s1", "backupSite", name + "-s2"))
                .expect(201)
                .json();
    }

    static String primarySite(String pool) {
        return pool + "-s1";
    }

    static String backupSite(String pool) {
        return pool + "-s2";
    }

    static void room(Api client, String pool, String room) {
        client.post("chat/rooms", Map.of("name", room, "pool", pool)).expect(201);
    }

    static long post(Api client, String room, String text) {
        return client.post("chat/rooms/" + room + "/messages", Map.of("sender", "sip:alice@example.com", "text", text))
                .expect(201)
                .json()
                .path("id")
                .asLong();
    }

    static int postStatus(Api client, String room, String text) {
        return client.post("chat/rooms/" + room + "/messages", Map.of("sender", "sip:alice@example.com", "text", text))
                .status();
    }

    /** The texts of a room in the order the API answers them, read in pages of {@code page}. */
    public static List<String> texts(Api api, String room, boolean compliance, int page) {
        List<String> texts = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode batch = api.get("chat/rooms/" + room + "/" + (compliance ? "compliance" : "messages") + "?after="
                            + after + "&limit=" + page)
                    .expect(200)
                    .json();
            for (JsonNode m : batch) {
                if (m.path("id").asLong() <= after) {
                    throw new AssertionError("ids not ascending in " + batch);
                }
                after = m.path("id").asLong();
                texts.add(m.path("text").asText());
            }
            if (batch.size() < page) {
                return texts;
            }
        }
    }

    public static JsonNode pool(Api api, String pool) {
        return api.get("chat/pools/" + pool).expect(200).json();
    }

    public static JsonNode awaitCompleted(Api operator, long execution) {
        JsonNode job = Jobs.awaitEnd(operator, execution, JOB_TIMEOUT);
        assertEquals("COMPLETED", job.path("status").asText(), job.toString());
        return job;
    }

    public static long start(Api.Reply reply) {
        return reply.expect(202).json().path("jobExecutionId").asLong();
    }

    static JsonNode shipRound(Api operator, String pool) {
        return awaitCompleted(operator, start(operator.post("chat/pools/" + pool + "/log-shipping/run")));
    }

    static JsonNode failOver(Api operator, String pool) {
        operator.post("chat/pools/" + pool + "/outage").expect(200);
        return awaitCompleted(operator, start(operator.post("chat/pools/" + pool + "/failover")));
    }

    static Map<String, Object> servers(String... names) {
        return Map.of("activeServers", List.of(names));
    }

    /** A new pool with a room of six messages, all shipped to the backup; answers the room's texts. */
    static List<String> shipped(Api operator, Api client, String pool) {
        create(operator, pool, false);
        room(client, pool, pool + "-room");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            texts.add("shipped " + i);
            post(client, pool + "-room", "shipped " + i);
        }
        shipRound(operator, pool);
        return texts;
    }

    /** {@link #shipped}, failed over, four more messages on the backup, the primary rebuilt. */
    public static List<String> failedOverAndRebuilt(Api operator, Api client, String pool) {
        List<String> texts = shipped(operator, client, pool);
        failOver(operator, pool);
        for (int i = 0; i < 4; i++) {
            texts.add("on the backup " + i);
            post(client, pool + "-room", "on the backup " + i);
        }
        operator.post("chat/pools/" + pool + "/rebuild-primary").expect(200);
        return texts;
    }

    /** A failback onto the primary site's two chat servers. */
    public static long startFailback(Api operator, String pool) {
        return start(operator.post(
                "chat/pools/" + pool + "/failback",
                servers("chat1." + primarySite(pool), "chat2." + primarySite(pool))));
    }

    /** The newest command-log id (0 when empty): a request that issues nothing leaves it as it was. */
    static long newestCommand(Api viewer) {
        JsonNode newest = viewer.get("sql/commands?limit=1").expect(200).json();
        return newest.isEmpty() ? 0 : newest.get(0).path("id").asLong();
    }

    static JsonNode database(JsonNode pool, String name, String instance) {
        for (JsonNode db : pool.path("databases")) {
            if (name.equals(db.path("name").asText())
                    && instance.equals(db.path("instance").asText())) {
                return db;
            }
        }
        throw new AssertionError("no " + name + " on " + instance + " in " + pool);
    }

    static List<String> stepNames(JsonNode job) {
        List<String> names = new ArrayList<>();
        job.path("steps").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }
}
