package org.failback.it.api;

import static org.failback.it.api.PoolPair.clientPath;
import static org.failback.it.api.PoolPair.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.failback.it.Api;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/**
 * The API's security and error rules: who may call what, and that every refused request (unknown pool or user, malformed
 * SIP URI, wrong enum, bad number, illegal transition) gets its code and changes nothing, checked with a GET.
 */
class ApiRolesAndBadInputIT extends ProductIT {

    @Test
    void noCredentialsAnswer401WithABasicChallengeOnEveryPartOfTheApi() {
        PoolPair pair = PoolPair.create(operator(), "anon", 2, 120);
        for (Api.Reply reply : List.of(
                anonymous().get("pools"),
                anonymous().post("pools/" + pair.pool() + "/outage"),
                anonymous().post(clientPath(pair.user(1)) + "/sign-in", Map.of("clientVersion", "LYNC_2013")))) {
            assertEquals(401, reply.status(), reply.request() + " " + reply.body());
            assertEquals("UNAUTHORIZED", reply.code());
            assertNotNull(reply.challenge(), reply.request());
            assertTrue(reply.challenge().startsWith("Basic"), reply.challenge());
        }
        assertEquals("NORMAL", pair.details(viewer()).path("state").asText());
    }

    @Test
    void viewerReadsEverythingButChangesNothing() {
        PoolPair pair = PoolPair.create(operator(), "viewer", 2, 120);
        viewer().get("pools").expect(200);
        viewer().get("pools/" + pair.pool() + "/users").expect(200);
        for (Api.Reply reply : List.of(
                viewer().post("pools/" + pair.pool() + "/outage"),
                viewer().put("pools/" + pair.pool() + "/settings", Map.of("resiliencyTimerSeconds", 5)),
                viewer().post(clientPath(pair.user(1)) + "/sign-in", Map.of("clientVersion", "LYNC_2013")),
                viewer().post(
                                "topology/pairs",
                                Map.of("site", "x", "backupSite", "y", "pool", "p", "backupPool", "q", "users", 1)))) {
            assertEquals(403, reply.status(), reply.request() + " " + reply.body());
            assertEquals("FORBIDDEN", reply.code());
        }
        JsonNode details = pair.details(viewer());
        assertEquals("NORMAL", details.path("state").asText());
        assertEquals(120, details.path("resiliencyTimerSeconds").asInt());
        assertEquals(0, details.path("counts").path("signedIn").asInt());
    }

    @Test
    void clientMayOnlyActAsAClient() {
        PoolPair pair = PoolPair.create(operator(), "client", 2, 120);
        for (Api.Reply reply : List.of(
                client().get("pools"),
                client().get("pools/" + pair.pool()),
                client().post("pools/" + pair.pool() + "/outage"))) {
            assertEquals(403, reply.status(), reply.request() + " " + reply.body());
            assertEquals("FORBIDDEN", reply.code());
        }
        assertEquals("NORMAL", pair.details(viewer()).path("state").asText());
        signIn(client(), pair.user(1));
        // The operator may do what clients do.
        signIn(operator(), pair.user(2));
        assertEquals(2, pair.details(viewer()).path("counts").path("signedIn").asInt());
    }

    @Test
    void unknownPoolOrUserIs404AndMalformedNamesAre400() {
        assertError(404, "NOT_FOUND", viewer().get("pools/no-such-pool"));
        assertError(404, "NOT_FOUND", operator().post("pools/no-such-pool/outage"));
        assertError(
                404, "NOT_FOUND", operator().put("pools/no-such-pool/settings", Map.of("resiliencyTimerSeconds", 5)));
        assertError(400, "BAD_REQUEST", viewer().get("pools/Not%20A%20Pool"));
        assertError(
                404,
                "NOT_FOUND",
                client().post(
                                clientPath("sip:nobody@nowhere.example.com") + "/sign-in",
                                Map.of("clientVersion", "LYNC_2013")));
        assertError(
                400,
                "BAD_REQUEST",
                client().post(clientPath("user00001") + "/sign-in", Map.of("clientVersion", "LYNC_2013")));
        assertError(
                400,
                "BAD_REQUEST",
                client().post(
                                clientPath("sip:user%20one@fe.example.com") + "/sign-in",
                                Map.of("clientVersion", "LYNC_2013")));
        assertError(404, "NOT_FOUND", client().get("conferences/999999999"));
        assertError(400, "BAD_REQUEST", client().get("conferences/abc"));
        assertError(404, "NOT_FOUND", client().get("p2p/999999999"));
        assertError(404, "NOT_FOUND", viewer().get("jobs/999999999"));
        assertError(404, "NOT_FOUND", viewer().get("jobs?pool=no-such-pool"));
        assertError(400, "BAD_REQUEST", viewer().get("jobs?pool=Bad%20Pool"));
        for (String malformed : List.of("jobs/abc", "jobs/0", "jobs/-1/log", "jobs/1.5/throughput")) {
            Api.Reply reply = viewer().get(malformed);
            assertError(400, "BAD_REQUEST", reply);
            assertTrue(reply.json().path("message").asText().endsWith("is not a job execution id"), reply.body());
        }
        assertError(400, "BAD_REQUEST", operator().post("jobs/abc/restart"));
        assertError(400, "BAD_REQUEST", viewer().get("jobs?limit=abc"));
        assertError(400, "BAD_REQUEST", viewer().get("jobs?limit=0"));
        assertError(400, "BAD_REQUEST", viewer().get("jobs/999999999/log?limit=x"));
    }

    @Test
    void wrongEnumIs400NamingTheAllowedValuesAndChangesNothing() {
        PoolPair pair = PoolPair.create(operator(), "enum", 3, 120);
        String user = pair.user(1);
        Api.Reply badClient = client().post(clientPath(user) + "/sign-in", Map.of("clientVersion", "LYNC_2099"));
        assertError(400, "BAD_REQUEST", badClient);
        assertTrue(
                badClient.json().path("message").asText().contains("LYNC_2013, LYNC_2010, OC_2007_R2"),
                badClient.body());
        assertFalse(pair.userItem(viewer(), user).path("signedIn").asBoolean());

        signIn(client(), user);
        assertError(400, "BAD_REQUEST", client().put(clientPath(user) + "/presence", Map.of("state", "UNKNOWN")));
        assertError(400, "BAD_REQUEST", client().put(clientPath(user) + "/presence", Map.of("state", "available")));
        assertEquals("AVAILABLE", pair.userItem(viewer(), user).path("presence").asText());
        assertError(400, "BAD_REQUEST", client().post(clientPath(user) + "/conferences", Map.of("kind", "WEBINAR")));
        Api.Reply badStatus = viewer().get("pools/" + pair.pool() + "/users?status=GONE");
        assertError(400, "BAD_REQUEST", badStatus);
        assertTrue(badStatus.json().path("message").asText().contains("ON_BACKUP"), badStatus.body());
    }

    @Test
    void resiliencyTimerOutsideOneToOneDayOrNotAnIntegerIs400AndKeepsTheOldValue() {
        PoolPair pair = PoolPair.create(operator(), "badtimer", 0, 120);
        for (Object body : List.<Object>of(
                Map.of("resiliencyTimerSeconds", 1.5),
                Map.of("resiliencyTimerSeconds", "10"),
                Map.of("resiliencyTimerSeconds", 0),
                Map.of("resiliencyTimerSeconds", 86_401),
                Map.of("resiliencyTimerSeconds", -5),
                Map.of("resiliencyTimerSeconds", 1e12),
                Map.of("other", 10),
                "{\"resiliencyTimerSeconds\": ",
                "[10]",
                "")) {
            Api.Reply reply = operator().put("pools/" + pair.pool() + "/settings", body);
            assertError(400, "BAD_REQUEST", reply);
        }
        assertEquals(120, pair.details(viewer()).path("resiliencyTimerSeconds").asInt());
    }

    @Test
    void aMisspeltFieldIs400NamingTheAllowedOnesAndChangesNothing() {
        PoolPair pair = PoolPair.create(operator(), "misspelt", 2, 120);
        Api.Reply timer = operator()
                .put(
                        "pools/" + pair.pool() + "/settings",
                        Map.of("resiliencyTimerSeconds", 30, "resiliencyTimerSecs", 60));
        assertError(400, "BAD_REQUEST", timer);
        assertTrue(timer.json().path("message").asText().contains("allowed: resiliencyTimerSeconds"), timer.body());
        assertEquals(120, pair.details(viewer()).path("resiliencyTimerSeconds").asInt());

        assertError(
                400,
                "BAD_REQUEST",
                operator()
                        .put(
                                "lis/" + pair.pool() + "/backup-schedule",
                                Map.of("everyMinutes", 5, "keep", 3, "kepp", 9)));
        JsonNode schedule = viewer().get("lis/" + pair.pool() + "/backup-schedule")
                .expect(200)
                .json();
        assertEquals(60, schedule.path("everyMinutes").asInt(), "the new pool's standard schedule is unchanged");
        assertEquals(24, schedule.path("keep").asInt(), schedule.toString());

        String user = pair.user(1);
        assertError(
                400,
                "BAD_REQUEST",
                client().post(
                                clientPath(user) + "/sign-in",
                                Map.of("clientVersion", "LYNC_2013", "pool", pair.backupPool())));
        assertFalse(pair.userItem(viewer(), user).path("signedIn").asBoolean());
    }

    @Test
    void pagingOutsideItsBoundsIs400() {
        PoolPair pair = PoolPair.create(operator(), "badpage", 1, 120);
        for (String query : List.of("size=501", "size=0", "size=1.5", "page=-1", "page=x", "q=user%25", "after=nope")) {
            assertError(400, "BAD_REQUEST", viewer().get("pools/" + pair.pool() + "/users?" + query));
        }
    }

    @Test
    void illegalTransitionIs409IllegalStateAndLeavesThePoolAsItWas() {
        PoolPair pair = PoolPair.create(operator(), "illegal", 2, 120);
        assertError(409, "ILLEGAL_STATE", operator().post("pools/" + pair.pool() + "/recover"));
        assertError(409, "ILLEGAL_STATE", operator().post("pools/" + pair.pool() + "/repair"));
        assertEquals("NORMAL", pair.details(viewer()).path("state").asText());

        JsonNode down =
                operator().post("pools/" + pair.pool() + "/outage").expect(200).json();
        assertError(409, "ILLEGAL_STATE", operator().post("pools/" + pair.pool() + "/outage"));
        assertError(409, "ILLEGAL_STATE", operator().post("pools/" + pair.pool() + "/repair"));
        JsonNode after = pair.details(viewer());
        assertEquals("DOWN", after.path("state").asText());
        assertEquals(
                down.path("outageAt"), after.path("outageAt"), "a refused second outage does not restart the timer");
    }

    @Test
    void malformedSipInABodyIs400AndAddsNoContact() {
        PoolPair pair = PoolPair.create(operator(), "badsip", 3, 120);
        String user = pair.user(1);
        signIn(client(), user);
        client().post(clientPath(user) + "/contacts", Map.of("sip", pair.user(2)))
                .expect(201);
        assertError(
                400,
                "BAD_REQUEST",
                client().post(clientPath(user) + "/contacts", Map.of("sip", "mailto:someone@example.com")));
        assertError(400, "BAD_REQUEST", client().post(clientPath(user) + "/contacts", Map.of("sip", 42)));
        assertError(400, "BAD_REQUEST", client().post(clientPath(user) + "/contacts", "{not json"));
        assertError(
                400,
                "BAD_REQUEST",
                client().post(clientPath(user) + "/p2p", Map.of("with", "sip:" + "x".repeat(300) + "@a.example.com")));
        assertEquals(
                List.of(pair.user(2)),
                List.of(client().get(clientPath(user) + "/contacts")
                        .expect(200)
                        .json()
                        .get(0)
                        .asText()));
        assertEquals(
                1,
                client().get(clientPath(user) + "/contacts").expect(200).json().size());
    }

    private static void assertError(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.request() + " " + reply.body());
        assertEquals(code, reply.code(), reply.request() + " " + reply.body());
    }
}
