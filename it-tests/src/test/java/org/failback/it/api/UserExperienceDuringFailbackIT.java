package org.failback.it.api;

import static org.failback.it.api.PoolPair.clientPath;
import static org.failback.it.api.PoolPair.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.it.Api;
import org.failback.it.Jobs;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's two failback tables over HTTP, during a staged failback (the pool held in FAILING_BACK) and after it
 * completes. Which single user the staged failback moves does not matter: every assertion holds for an affected user
 * whether still on the backup pool or already moved home in resiliency mode.
 */
class UserExperienceDuringFailbackIT extends ProductIT {

    private static final Duration JOB_WAIT = Duration.ofMinutes(3);

    @Test
    void duringFailbackConferencesOfAffectedUsersEndAndCannotBeRejoinedUntilFailbackCompletes() {
        PoolPair pair = PoolPair.create(operator(), "fbconf", 10, 1);
        failOver(pair);
        String organiser = pair.user(5);
        String affectedGuest = pair.user(7);
        String unaffected = pair.backupUser(1);
        String unaffectedOrganiser = pair.backupUser(2);
        for (String sip : List.of(organiser, affectedGuest, unaffected, unaffectedOrganiser)) {
            assertEquals(
                    pair.backupPool(), signIn(client(), sip).path("servingPool").asText());
        }
        long affectedConference = createConference(organiser);
        client().post("conferences/" + affectedConference + "/join", Map.of("sip", unaffected))
                .expect(200);
        long unaffectedConference = createConference(unaffectedOrganiser);
        client().post("conferences/" + unaffectedConference + "/join", Map.of("sip", affectedGuest))
                .expect(200);
        JsonNode plan = operator()
                .post("pools/" + pair.pool() + "/failback?dryRun=true")
                .expect(200)
                .json();
        assertEquals(
                1,
                plan.path("conferencesToTerminate").asLong(),
                "the plan announces what begin-failback ends: " + plan);

        stagedFailback(pair);

        // "All modalities of conference are terminated. Rejoin button will appear, but no users can rejoin while the
        // affected user is in Resiliency mode."
        JsonNode terminated =
                client().get("conferences/" + affectedConference).expect(200).json();
        assertEquals("TERMINATED", terminated.path("state").asText());
        assertTrue(terminated.path("rejoinAllowed").asBoolean(), terminated.toString());
        Api.Reply rejoin = client().post("conferences/" + affectedConference + "/join", Map.of("sip", unaffected));
        assertEquals(409, rejoin.status(), rejoin.body());
        assertEquals("REJOIN_NOT_ALLOWED", rejoin.code());
        assertEquals(
                "TERMINATED",
                client().get("conferences/" + affectedConference)
                        .expect(200)
                        .json()
                        .path("state")
                        .asText());
        // "Ongoing conferences organized by unaffected user: conference continues."
        JsonNode continuing =
                client().get("conferences/" + unaffectedConference).expect(200).json();
        assertEquals("ACTIVE", continuing.path("state").asText());
        assertTrue(texts(continuing.path("participants")).contains(unaffectedOrganiser));

        completeFailback(pair);

        // "All modalities now work. Every participant needs to click to rejoin the conference."
        JsonNode rejoined = client().post("conferences/" + affectedConference + "/join", Map.of("sip", unaffected))
                .expect(200)
                .json();
        assertEquals("ACTIVE", rejoined.path("state").asText());
        assertEquals(List.of(unaffected), texts(rejoined.path("participants")), "only those who rejoined");
    }

    @Test
    void duringFailbackANewSignInGetsResiliencyModeOnTheHomePoolWithPeerToPeerButNoContacts() {
        PoolPair pair = PoolPair.create(operator(), "fbsign", 10, 1);
        failOver(pair);
        String peer = pair.backupUser(3);
        signIn(client(), peer);
        stagedFailback(pair);

        String user = pair.user(6);
        JsonNode registration = signIn(client(), user);
        assertEquals(pair.pool(), registration.path("servingPool").asText(), "User can sign in to the home pool");
        assertEquals("RESILIENCY", registration.path("mode").asText(), "in Resiliency mode");
        assertError(409, "RESILIENCY_MODE", client().get(clientPath(user) + "/contacts"));
        assertError(409, "RESILIENCY_MODE", client().post(clientPath(user) + "/contacts", Map.of("sip", peer)));
        assertError(
                409, "RESILIENCY_MODE", client().post(clientPath(user) + "/conferences", Map.of("kind", "SCHEDULED")));
        // "All peer-to-peer sessions and modalities: available."
        long p2p = client().post(clientPath(user) + "/p2p", Map.of("with", peer))
                .expect(201)
                .json()
                .path("id")
                .asLong();
        assertEquals(
                "ACTIVE",
                client().get("p2p/" + p2p).expect(200).json().path("state").asText());
        assertError(
                503,
                "CLIENT_NOT_SUPPORTED",
                client().post(clientPath(pair.user(8)) + "/sign-in", Map.of("clientVersion", "OC_2007_R2")));

        completeFailback(pair);

        client().post(clientPath(user) + "/sign-out").expect(204);
        JsonNode regular = signIn(client(), user);
        assertEquals(pair.pool(), regular.path("servingPool").asText());
        assertEquals(
                "REGULAR", regular.path("mode").asText(), "after failback: the original home pool in regular mode");
        client().post(clientPath(user) + "/contacts", Map.of("sip", peer)).expect(201);
        assertEquals(
                List.of(peer),
                texts(client().get(clientPath(user) + "/contacts").expect(200).json()));
        client().post(clientPath(pair.user(8)) + "/sign-in", Map.of("clientVersion", "OC_2007_R2"))
                .expect(200);
    }

    @Test
    void duringFailbackPresenceIsUnknownToTheSamePoolAndTheLastStateSetToOtherPools() {
        PoolPair pair = PoolPair.create(operator(), "fbpres", 10, 1);
        failOver(pair);
        String subject = pair.user(4);
        String samePool = pair.user(9);
        String otherPool = pair.backupUser(4);
        signIn(client(), subject);
        signIn(client(), otherPool);
        client().put(clientPath(subject) + "/presence", Map.of("state", "BUSY")).expect(200);
        stagedFailback(pair);
        signIn(client(), samePool);

        JsonNode seenBySamePool = client().get(clientPath(samePool) + "/presence/" + subject)
                .expect(200)
                .json();
        assertEquals(
                "UNKNOWN", seenBySamePool.path("state").asText(), "Presence unknown while user is in Resiliency mode");
        assertFalse(seenBySamePool.path("live").asBoolean());
        JsonNode seenByOtherPool = client().get(clientPath(otherPool) + "/presence/" + subject)
                .expect(200)
                .json();
        assertEquals(
                "BUSY",
                seenByOtherPool.path("state").asText(),
                "Shows the last presence state set by the affected user");
        assertFalse(seenByOtherPool.path("live").asBoolean());

        completeFailback(pair);

        client().put(clientPath(subject) + "/presence", Map.of("state", "AWAY")).expect(200);
        for (String viewer : List.of(samePool, otherPool)) {
            JsonNode live = client().get(clientPath(viewer) + "/presence/" + subject)
                    .expect(200)
                    .json();
            assertEquals(
                    "AWAY", live.path("state").asText(), "presence changes will now be reflected, seen by " + viewer);
            assertTrue(live.path("live").asBoolean());
        }
    }

    private static void failOver(PoolPair pair) {
        operator().post("pools/" + pair.pool() + "/outage").expect(200);
        long id = operator()
                .post("pools/" + pair.pool() + "/failover")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), id, JOB_WAIT).path("status").asText());
        assertEquals("FAILED_OVER", pair.details(viewer()).path("state").asText());
        operator().post("pools/" + pair.pool() + "/repair").expect(200);
    }

    /** A failback that moves one user and stops, holding the pool in FAILING_BACK. */
    private static void stagedFailback(PoolPair pair) {
        long id = operator()
                .post("pools/" + pair.pool() + "/failback", Map.of("maxUsers", 1))
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        Jobs.awaitEnd(operator(), id, JOB_WAIT);
        assertEquals("FAILING_BACK", pair.details(viewer()).path("state").asText());
    }

    private static void completeFailback(PoolPair pair) {
        long id = operator()
                .post("pools/" + pair.pool() + "/failback")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), id, JOB_WAIT).path("status").asText());
        assertEquals("NORMAL", pair.details(viewer()).path("state").asText());
    }

    private static long createConference(String organiser) {
        return client().post(clientPath(organiser) + "/conferences", Map.of("kind", "AD_HOC"))
                .expect(201)
                .json()
                .path("id")
                .asLong();
    }

    private static void assertError(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.request() + " " + reply.body());
        assertEquals(code, reply.code(), reply.request() + " " + reply.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
