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

    @Test
    void contactsListAndAddressBookAreNotAvailableDuringFailbackToEveryAffectedUserMovedOrNot() {
        PoolPair pair = PoolPair.create(operator(), "fbcontacts", 10, 1);
        failOver(pair);
        String unaffected = pair.backupUser(1);
        signIn(client(), unaffected);
        List<String> affected = signInAll(pair, 1, 2, 3, 4, 5, 6);
        // After the failover completed, "all users can get all services from the backup pool".
        client().post(clientPath(pair.user(1)) + "/contacts", Map.of("sip", unaffected))
                .expect(201);
        stagedFailback(pair, 3);
        String moved = first(pair, affected, "MOVED");
        String notYetMoved = first(pair, affected, "ON_BACKUP");

        assertError(409, "RESILIENCY_MODE", client().get(clientPath(moved) + "/contacts"));
        assertError(409, "RESILIENCY_MODE", client().post(clientPath(moved) + "/contacts", Map.of("sip", unaffected)));
        // Still on the backup pool in regular mode, and yet "Contacts list and Address Book Service: Not available".
        assertEquals(
                "REGULAR", pair.userItem(viewer(), notYetMoved).path("mode").asText());
        assertError(409, "FAILBACK_IN_PROGRESS", client().get(clientPath(notYetMoved) + "/contacts"));
        assertError(
                409,
                "FAILBACK_IN_PROGRESS",
                client().post(clientPath(notYetMoved) + "/contacts", Map.of("sip", unaffected)));
        client().get(clientPath(unaffected) + "/contacts").expect(200);

        completeFailback(pair);

        for (String sip : List.of(moved, notYetMoved)) {
            client().post(clientPath(sip) + "/contacts", Map.of("sip", unaffected))
                    .expect(201);
            assertEquals(
                    List.of(unaffected),
                    texts(client().get(clientPath(sip) + "/contacts")
                            .expect(200)
                            .json()),
                    "available after failback, and nothing refused was stored: " + sip);
        }
    }

    @Test
    void aConferenceAnAffectedUserCreatesDuringAStagedFailbackEndsWhenTheyAreMovedHomeContinuedByARestart() {
        conferenceCreatedDuringFailbackEndsWhenItsOrganiserIsMoved("fbconfrs", true);
    }

    @Test
    void aConferenceAnAffectedUserCreatesDuringAStagedFailbackEndsWhenTheyAreMovedHomeContinuedByANewFailback() {
        conferenceCreatedDuringFailbackEndsWhenItsOrganiserIsMoved("fbconfnew", false);
    }

    private void conferenceCreatedDuringFailbackEndsWhenItsOrganiserIsMoved(String tag, boolean byRestart) {
        PoolPair pair = PoolPair.create(operator(), tag, 20, 1);
        failOver(pair);
        String unaffected = pair.backupUser(1);
        signIn(client(), unaffected);
        List<String> affected = signInAll(pair, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        long stage = stagedFailback(pair, 2);
        String organiser = first(pair, affected, "ON_BACKUP");
        long conference = createConference(organiser);
        client().post("conferences/" + conference + "/join", Map.of("sip", unaffected))
                .expect(200);

        for (int round = 0; "ON_BACKUP".equals(statusOf(pair, organiser)); round++) {
            assertTrue(round < 10, "the staged failback never reached " + organiser);
            long next = byRestart
                    ? operator()
                            .post("jobs/" + stage + "/restart")
                            .expect(202)
                            .json()
                            .path("jobExecutionId")
                            .asLong()
                    : startFailback(pair, Map.of("maxUsers", 2));
            Jobs.awaitEnd(operator(), next, JOB_WAIT);
            stage = next;
        }
        assertEquals("FAILING_BACK", pair.details(viewer()).path("state").asText(), "still a staged failback");
        // "All modalities of conference are terminated. Rejoin button will appear, but no users can rejoin while the
        // affected user is in Resiliency mode."
        JsonNode ended = client().get("conferences/" + conference).expect(200).json();
        assertEquals("TERMINATED", ended.path("state").asText(), ended.toString());
        assertTrue(ended.path("rejoinAllowed").asBoolean(), ended.toString());
        assertEquals(0, ended.path("participants").size(), ended.toString());
        assertError(
                409,
                "REJOIN_NOT_ALLOWED",
                client().post("conferences/" + conference + "/join", Map.of("sip", unaffected)));

        completeFailback(pair);
        client().post("conferences/" + conference + "/join", Map.of("sip", unaffected))
                .expect(200);
    }

    @Test
    void presenceChangedDuringFailbackIsNotSeenByOtherPoolsAndUnknownToTheSamePoolUntilCompletion() {
        PoolPair pair = PoolPair.create(operator(), "fbpresence", 10, 1);
        failOver(pair);
        String otherPool = pair.backupUser(2);
        String samePool = pair.user(10);
        signIn(client(), otherPool);
        List<String> affected = signInAll(pair, 1, 2, 3, 4, 5, 6);
        for (String sip : affected) {
            client().put(clientPath(sip) + "/presence", Map.of("state", "BUSY")).expect(200);
        }
        stagedFailback(pair, 3);
        signIn(client(), samePool);
        List<String> subjects = List.of(first(pair, affected, "MOVED"), first(pair, affected, "ON_BACKUP"));
        for (String subject : subjects) {
            client().put(clientPath(subject) + "/presence", Map.of("state", "AWAY"))
                    .expect(200);
            client().put(clientPath(subject) + "/presence", Map.of("state", "DO_NOT_DISTURB"))
                    .expect(200);
            JsonNode seenByOtherPool = client().get(clientPath(otherPool) + "/presence/" + subject)
                    .expect(200)
                    .json();
            assertEquals(
                    "BUSY",
                    seenByOtherPool.path("state").asText(),
                    "the last state set before the failback, not the changes during it: " + subject);
            assertFalse(seenByOtherPool.path("live").asBoolean());
            JsonNode seenBySamePool = client().get(clientPath(samePool) + "/presence/" + subject)
                    .expect(200)
                    .json();
            assertEquals("UNKNOWN", seenBySamePool.path("state").asText(), subject);
        }

        completeFailback(pair);

        for (String subject : subjects) {
            for (String viewer : List.of(otherPool, samePool)) {
                JsonNode live = client().get(clientPath(viewer) + "/presence/" + subject)
                        .expect(200)
                        .json();
                assertEquals("DO_NOT_DISTURB", live.path("state").asText(), "the latest state set, seen by " + viewer);
                assertTrue(live.path("live").asBoolean());
            }
        }
    }

    @Test
    void officeCommunicator2007R2IsRefusedUntilThePoolIsCompletelyFailedBackEvenForAUserAlreadySignedIn() {
        PoolPair pair = PoolPair.create(operator(), "fboc", 10, 1);
        failOver(pair);
        List<String> signedIn = signInAll(pair, 1, 2, 3, 4);
        assertError(
                503,
                "CLIENT_NOT_SUPPORTED",
                client().post(clientPath(signedIn.get(0)) + "/sign-in", Map.of("clientVersion", "OC_2007_R2")));
        stagedFailback(pair, 2);
        for (String sip : List.of(first(pair, signedIn, "MOVED"), first(pair, signedIn, "ON_BACKUP"))) {
            JsonNode before = pair.userItem(viewer(), sip);
            assertError(
                    503,
                    "CLIENT_NOT_SUPPORTED",
                    client().post(clientPath(sip) + "/sign-in", Map.of("clientVersion", "OC_2007_R2")));
            assertEquals(before, pair.userItem(viewer(), sip), "a refused sign-in changes nothing");
        }

        completeFailback(pair);

        JsonNode accepted = client().post(
                        clientPath(signedIn.get(0)) + "/sign-in", Map.of("clientVersion", "OC_2007_R2"))
                .expect(200)
                .json();
        assertEquals(pair.pool(), accepted.path("servingPool").asText());
    }

    @Test
    void aSignedInUserStaysSignedInThroughMoveUsersHomeAndIsRegularAfterCompletion() {
        PoolPair pair = PoolPair.create(operator(), "fbstay", 10, 1);
        failOver(pair);
        List<String> signedIn = signInAll(pair, 1, 2, 3, 4);
        stagedFailback(pair, 2);
        String moved = first(pair, signedIn, "MOVED");
        String notYetMoved = first(pair, signedIn, "ON_BACKUP");
        // "User stays signed in and connected to backup pool. At some point user will be signed out and sign back in
        // to the original home pool, in Resiliency mode."
        assertRegistration(pair, notYetMoved, pair.backupPool(), "REGULAR");
        assertRegistration(pair, moved, pair.pool(), "RESILIENCY");

        completeFailback(pair);

        // "User remains signed in and goes into regular mode": nobody signed out or in since.
        for (String sip : signedIn) {
            assertRegistration(pair, sip, pair.pool(), "REGULAR");
        }
    }

    @Test
    void theAffectedGuestOfAnUnaffectedOrganisersConferenceIsStillInItDuringAndAfterFailback() {
        PoolPair pair = PoolPair.create(operator(), "fbguest", 10, 1);
        failOver(pair);
        String organiser = pair.backupUser(5);
        signIn(client(), organiser);
        List<String> guests = signInAll(pair, 1, 2, 3, 4);
        long conference = createConference(organiser);
        for (String guest : guests) {
            client().post("conferences/" + conference + "/join", Map.of("sip", guest))
                    .expect(200);
        }
        List<String> everyone = new ArrayList<>(guests);
        everyone.add(organiser);
        everyone.sort(null);
        stagedFailback(pair, 2);
        first(pair, guests, "MOVED");
        first(pair, guests, "ON_BACKUP");

        // "Conference continues and affected user can stay in the conference", moved home or not.
        JsonNode during = client().get("conferences/" + conference).expect(200).json();
        assertEquals("ACTIVE", during.path("state").asText());
        assertEquals(
                everyone, texts(during.path("participants")).stream().sorted().toList());

        completeFailback(pair);

        // "... and affected user can stay in the conference and all modalities work after user exits Resiliency mode."
        JsonNode after = client().get("conferences/" + conference).expect(200).json();
        assertEquals("ACTIVE", after.path("state").asText());
        assertEquals(
                everyone, texts(after.path("participants")).stream().sorted().toList());
    }

    /** Signs in users {@code n} of the pool (on the backup pool, since it is failed over); answers their SIPs. */
    private static List<String> signInAll(PoolPair pair, int... numbers) {
        List<String> sips = new ArrayList<>();
        for (int n : numbers) {
            JsonNode registration = signIn(client(), pair.user(n));
            assertEquals(pair.backupPool(), registration.path("servingPool").asText());
            sips.add(pair.user(n));
        }
        return sips;
    }

    /** The first of {@code sips} whose failback status is {@code status}: which users a stage moves is the job's choice. */
    private static String first(PoolPair pair, List<String> sips, String status) {
        return sips.stream()
                .filter(sip -> status.equals(statusOf(pair, sip)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("none of " + sips + " is " + status));
    }

    private static String statusOf(PoolPair pair, String sip) {
        return pair.userItem(viewer(), sip).path("failbackStatus").asText();
    }

    private static void assertRegistration(PoolPair pair, String sip, String servingPool, String mode) {
        JsonNode user = pair.userItem(viewer(), sip);
        assertTrue(user.path("signedIn").asBoolean(), user.toString());
        assertEquals(servingPool, user.path("servingPool").asText(), user.toString());
        assertEquals(mode, user.path("mode").asText(), user.toString());
    }

    private static long startFailback(PoolPair pair, Object body) {
        return operator()
                .send("POST", "pools/" + pair.pool() + "/failback", body)
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
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
        stagedFailback(pair, 1);
    }

    /** A staged failback ({@code {"maxUsers": N}}): moves N users, stops STOPPED, the pool held in FAILING_BACK. */
    private static long stagedFailback(PoolPair pair, int maxUsers) {
        long id = startFailback(pair, Map.of("maxUsers", maxUsers));
        assertEquals(
                "STOPPED",
                Jobs.awaitEnd(operator(), id, JOB_WAIT).path("status").asText());
        assertEquals("FAILING_BACK", pair.details(viewer()).path("state").asText());
        return id;
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
