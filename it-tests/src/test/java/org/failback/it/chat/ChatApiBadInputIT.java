package org.failback.it.chat;

import static org.failback.it.chat.ChatPools.newestCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/** Hostile chat pool, room and server names are a 400 that issues nothing; roles are enforced. */
class ChatApiBadInputIT extends ProductIT {

    private static final List<String> HOSTILE = List.of(
            "pchat'; DROP DATABASE mgc;--",
            "[mgc]",
            "a;--",
            "nul\u0000byte",
            "x".repeat(300),
            "../../etc/passwd",
            "Pchat");

    @Test
    void hostilePoolRoomAndServerNamesAreRefusedWithNoStatementIssued() {
        String pool = unique("pc");
        ChatPools.create(operator(), pool, false);
        String room = pool + "-room";
        ChatPools.room(client(), pool, room);
        long commands = newestCommand(viewer());
        for (String hostile : HOSTILE) {
            String path = URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20");
            assertEquals(400, viewer().get("chat/pools/" + path).status(), hostile);
            assertEquals(400, operator().post("chat/pools/" + path + "/outage").status(), hostile);
            assertEquals(
                    400,
                    operator()
                            .post("chat/pools/" + path + "/failover?dryRun=true")
                            .status(),
                    hostile);
            assertEquals(
                    400,
                    operator()
                            .post(
                                    "chat/pools",
                                    Map.of("name", hostile, "primarySite", pool + "-s1", "backupSite", pool + "-s2"))
                            .status(),
                    hostile);
            assertEquals(
                    400,
                    client().post("chat/rooms", Map.of("name", hostile, "pool", pool))
                            .status(),
                    hostile);
            assertEquals(
                    400,
                    client().post(
                                    "chat/rooms/" + path + "/messages",
                                    Map.of("sender", "sip:a@example.com", "text", "t"))
                            .status(),
                    hostile);
            assertEquals(
                    400,
                    operator()
                            .put("chat/pools/" + pool + "/active-servers", ChatPools.servers(hostile))
                            .status(),
                    hostile);
            assertEquals(
                    400,
                    operator()
                            .post("chat/pools/" + pool + "/failback?dryRun=true", ChatPools.servers(hostile))
                            .status(),
                    hostile);
        }
        assertEquals(
                400,
                client().post("chat/rooms/" + room + "/messages", Map.of("sender", "not a sip uri", "text", "t"))
                        .status());
        assertEquals(
                400,
                client().post(
                                "chat/rooms/" + room + "/messages",
                                Map.of("sender", "sip:a@example.com", "text", "a\u0000b"))
                        .status());
        assertEquals(
                400, viewer().get("chat/rooms/" + room + "/messages?after=-1").status());
        assertEquals(
                400, viewer().get("chat/rooms/" + room + "/messages?limit=0").status());
        assertEquals(
                400, viewer().get("chat/rooms/" + room + "/messages?bogus=1").status());
        assertEquals(
                400,
                operator().post("chat/pools/" + pool + "/failover?dryRun=ture").status());
        assertEquals(404, viewer().get("chat/pools/nosuchpool").status());
        assertEquals(404, viewer().get("chat/rooms/no-such-room/messages").status());
        assertEquals(commands, newestCommand(viewer()), "no statement was issued");
        assertEquals("NORMAL", ChatPools.pool(viewer(), pool).path("state").asText());
    }

    @Test
    void rolesClientPostsAndReadsViewerReadsComplianceOnlyOperatorActs() {
        String pool = unique("pc");
        ChatPools.create(operator(), pool, false);
        String room = pool + "-room";
        ChatPools.room(client(), pool, room);
        ChatPools.post(client(), room, "hello");
        assertEquals(
                403,
                viewer().post("chat/rooms/" + room + "/messages", Map.of("sender", "sip:a@x.com", "text", "t"))
                        .status());
        assertEquals(403, client().get("chat/rooms/" + room + "/compliance").status());
        assertEquals(200, viewer().get("chat/rooms/" + room + "/compliance").status());
        assertEquals(403, client().post("chat/pools/" + pool + "/outage").status());
        assertEquals(403, viewer().post("chat/pools/" + pool + "/failover").status());
        assertEquals(401, anonymous().get("chat/pools/" + pool).status());
    }
}
