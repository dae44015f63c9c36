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
import org.failback.it.Pools;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/** Seed 000, "User Experience During Failover", and the Office Communicator 2007 R2 note, over HTTP. */
class UserExperienceDuringFailoverIT extends ProductIT {

    private static final Duration TIMER_WAIT = Duration.ofSeconds(20);
    private static final Duration JOB_WAIT = Duration.ofMinutes(3);

    @Test
    void userInAPoolThatFailsIsLoggedOutAndCannotLogBackInUntilTheResiliencyTimerExpires() {
        PoolPair pair = PoolPair.create(operator(), "timer", 10, 3600);
        String user = pair.user(1);
        signIn(client(), user);

        JsonNode down =
                operator().post("pools/" + pair.pool() + "/outage").expect(200).json();
        assertEquals("DOWN", down.path("state").asText());
        JsonNode loggedOut = pair.userItem(viewer(), user);
        assertFalse(loggedOut.path("signedIn").asBoolean(), loggedOut.toString());
        assertTrue(loggedOut.path("servingPool").isNull(), loggedOut.toString());

        Api.Reply blocked = client().post(clientPath(user) + "/sign-in", Map.of("clientVersion", "LYNC_2013"));
        assertEquals(503, blocked.status(), blocked.body());
        assertEquals("POOL_UNAVAILABLE", blocked.code());
        assertEquals(loggedOut, pair.userItem(viewer(), user), "a refused sign-in changes nothing");

        // While DOWN the deadline is the outage time plus the current value: shortening the timer lets users in.
        operator()
                .put("pools/" + pair.pool() + "/settings", Map.of("resiliencyTimerSeconds", 1))
                .expect(200);
        List<Api.Reply> attempts = new ArrayList<>();
        Jobs.await("sign-in after the resiliency timer expired", TIMER_WAIT, () -> {
            Api.Reply attempt = client().post(clientPath(user) + "/sign-in", Map.of("clientVersion", "LYNC_2013"));
            attempts.add(attempt);
            return attempt.status() != 503;
        });
        JsonNode registration = attempts.get(attempts.size() - 1).expect(200).json();
        assertEquals(
                pair.backupPool(), registration.path("servingPool").asText(), "users log back in to the backup pool");
        assertEquals("RESILIENCY", registration.path("mode").asText(), "in resiliency mode until failover is complete");
        assertEquals(pair.pool(), registration.path("homePool").asText(), "users are not rehomed");
        assertTrue(attempts.stream().limit(attempts.size() - 1).allMatch(a -> "POOL_UNAVAILABLE".equals(a.code())));
    }

    @Test
    void inResiliencyModeUsersAreUnableToPerformTasksThatWouldCauseAPersistentChangeSuchAsAddingAContact() {
        PoolPair pair = PoolPair.create(operator(), "resil", 10, 1);
        String user = pair.user(2);
        operator().post("pools/" + pair.pool() + "/outage").expect(200);
        awaitSignIn(pair, user, "LYNC_2013");

        Api.Reply addContact = client().post(clientPath(user) + "/contacts", Map.of("sip", pair.user(3)));
        assertEquals(409, addContact.status(), addContact.body());
        assertEquals("RESILIENCY_MODE", addContact.code());
        Api.Reply contacts = client().get(clientPath(user) + "/contacts");
        assertEquals(409, contacts.status(), "contacts list unavailable in resiliency mode: " + contacts.body());
        assertEquals("RESILIENCY_MODE", contacts.code());
        for (String kind : List.of("SCHEDULED", "AD_HOC")) {
            Api.Reply conference = client().post(clientPath(user) + "/conferences", Map.of("kind", kind));
            assertEquals(409, conference.status(), kind + ": " + conference.body());
            assertEquals("RESILIENCY_MODE", conference.code());
        }
        // "Only then [after failover] the user is able to establish new sessions."
        String peer = pair.backupUser(1);
        signIn(client(), peer);
        Api.Reply p2p = client().post(clientPath(user) + "/p2p", Map.of("with", peer));
        assertEquals(409, p2p.status(), p2p.body());
        assertEquals("RESILIENCY_MODE", p2p.code());

        // The refused contact was not stored: once the pool recovers and the user signs in again, the list is as
        // before.
        operator().post("pools/" + pair.pool() + "/recover").expect(200);
        client().post(clientPath(user) + "/sign-out").expect(204);
        JsonNode regular = signIn(client(), user);
        assertEquals("REGULAR", regular.path("mode").asText());
        assertEquals(pair.pool(), regular.path("servingPool").asText());
        assertFalse(client().get(clientPath(user) + "/contacts")
                .expect(200)
                .json()
                .toString()
                .contains(pair.user(3)));
    }

    @Test
    void anyPeerToPeerSessionTheUserWasParticipatingInIsTerminatedAsAreConferencesOrganizedByThatUser() {
        PoolPair pair = PoolPair.create(operator(), "sessions", 10, 3600);
        String organiser = pair.user(1);
        String colleague = pair.user(2);
        String remote = pair.backupUser(1);
        String remoteOrganiser = pair.backupUser(2);
        for (String sip : List.of(organiser, colleague, remote, remoteOrganiser)) {
            signIn(client(), sip);
        }
        long p2p = client().post(clientPath(organiser) + "/p2p", Map.of("with", remote))
                .expect(201)
                .json()
                .path("id")
                .asLong();
        long organised = client().post(clientPath(organiser) + "/conferences", Map.of("kind", "AD_HOC"))
                .expect(201)
                .json()
                .path("id")
                .asLong();
        client().post("conferences/" + organised + "/join", Map.of("sip", remote))
                .expect(200);
        long elsewhere = client().post(clientPath(remoteOrganiser) + "/conferences", Map.of("kind", "SCHEDULED"))
                .expect(201)
                .json()
                .path("id")
                .asLong();
        client().post("conferences/" + elsewhere + "/join", Map.of("sip", colleague))
                .expect(200);
        client().post("conferences/" + elsewhere + "/join", Map.of("sip", remote))
                .expect(200);

        operator().post("pools/" + pair.pool() + "/outage").expect(200);

        assertEquals(
                "TERMINATED",
                client().get("p2p/" + p2p).expect(200).json().path("state").asText());
        JsonNode terminated =
                client().get("conferences/" + organised).expect(200).json();
        assertEquals("TERMINATED", terminated.path("state").asText());
        assertFalse(terminated.path("rejoinAllowed").asBoolean(), "sessions must be re-established after failover");
        assertEquals(0, terminated.path("participants").size());
        // A conference organised on the backup pool goes on, without the users the outage logged out.
        JsonNode continuing =
                client().get("conferences/" + elsewhere).expect(200).json();
        assertEquals("ACTIVE", continuing.path("state").asText());
        assertEquals(
                List.of(remote, remoteOrganiser).stream().sorted().toList(), texts(continuing.path("participants")));
        Api.Reply rejoin = client().post("conferences/" + organised + "/join", Map.of("sip", remote));
        assertEquals(409, rejoin.status(), rejoin.body());
        assertEquals("REJOIN_NOT_ALLOWED", rejoin.code());
    }

    @Test
    void usersWithOfficeCommunicator2007R2ClientsCannotSignInUntilThePoolIsCompletelyFailedBack() {
        PoolPair pair = PoolPair.create(operator(), "oc", 10, 1);
        String oc = pair.user(4);
        JsonNode normal = client().post(clientPath(oc) + "/sign-in", Map.of("clientVersion", "OC_2007_R2"))
                .expect(200)
                .json();
        assertEquals("REGULAR", normal.path("mode").asText(), "a NORMAL pool takes every client");
        client().post(clientPath(oc) + "/sign-out").expect(204);

        operator().post("pools/" + pair.pool() + "/outage").expect(200);
        awaitSignIn(pair, pair.user(5), "LYNC_2010");
        Api.Reply refused = client().post(clientPath(oc) + "/sign-in", Map.of("clientVersion", "OC_2007_R2"));
        assertEquals(503, refused.status(), refused.body());
        assertEquals("CLIENT_NOT_SUPPORTED", refused.code());
        assertFalse(pair.userItem(viewer(), oc).path("signedIn").asBoolean(), "a refused sign-in changes nothing");
        JsonNode lync = client().post(clientPath(oc) + "/sign-in", Map.of("clientVersion", "LYNC_2013"))
                .expect(200)
                .json();
        assertEquals(pair.backupPool(), lync.path("servingPool").asText(), "the same user signs in with Lync 2013");
    }

    @Test
    void thePresenceAUserLastSetSurvivesTheSignOutAnOutageCauses() {
        PoolPair pair = PoolPair.create(operator(), "presence", 10, 1);
        String user = pair.user(6);
        String watcher = pair.backupUser(6);
        signIn(client(), user);
        signIn(client(), watcher);
        client().put(clientPath(user) + "/presence", Map.of("state", "DO_NOT_DISTURB"))
                .expect(200);
        assertEquals(
                "DO_NOT_DISTURB",
                client().get(clientPath(watcher) + "/presence/" + user)
                        .expect(200)
                        .json()
                        .path("state")
                        .asText());

        operator().post("pools/" + pair.pool() + "/outage").expect(200);
        JsonNode offline = client().get(clientPath(watcher) + "/presence/" + user)
                .expect(200)
                .json();
        assertEquals("OFFLINE", offline.path("state").asText(), "logged out by the outage");
        awaitSignIn(pair, user, "LYNC_2013");
        JsonNode back = client().get(clientPath(watcher) + "/presence/" + user)
                .expect(200)
                .json();
        assertEquals("DO_NOT_DISTURB", back.path("state").asText(), back.toString());
        assertEquals(
                "DO_NOT_DISTURB", pair.userItem(viewer(), user).path("presence").asText());
    }

    @Test
    void theResiliencyTimerIsIgnoredOnceTheAdministratorInitiatesFailover() {
        PoolPair pair = PoolPair.create(operator(), "timerfo", 10, 86_400);
        String user = pair.user(2);
        operator().post("pools/" + pair.pool() + "/outage").expect(200);
        Api.Reply blocked = client().post(clientPath(user) + "/sign-in", Map.of("clientVersion", "LYNC_2013"));
        assertEquals("POOL_UNAVAILABLE", blocked.code(), blocked.body());
        try {
            failoverHeldInFailingOver(pair);
            // "... until either the registrar resiliency timer expires or the administrator initiates failover
            // procedures, whichever comes first": a day of timer left, failover started.
            JsonNode registration = signIn(client(), user);
            assertEquals(pair.backupPool(), registration.path("servingPool").asText());
            assertEquals("RESILIENCY", registration.path("mode").asText());
        } finally {
            operator().delete("test-hooks/faults");
        }
    }

    @Test
    void usersSignedInDuringFailingOverLeaveResiliencyModeWhenFailoverCompletesWithoutSigningInAgain() {
        PoolPair pair = PoolPair.create(operator(), "fodone", 10, 1);
        String user = pair.user(2);
        try {
            long held = failoverHeldInFailingOver(pair);
            assertEquals("RESILIENCY", signIn(client(), user).path("mode").asText());
            assertEquals(
                    "RESILIENCY_MODE",
                    client().get(clientPath(user) + "/contacts").code());
            completeHeldFailover(pair, held);
        } finally {
            operator().delete("test-hooks/faults");
        }
        // "they will be in Resiliency mode until failover is complete": no sign-in call in between.
        JsonNode after = pair.userItem(viewer(), user);
        assertTrue(after.path("signedIn").asBoolean(), after.toString());
        assertEquals(pair.backupPool(), after.path("servingPool").asText(), after.toString());
        assertEquals("REGULAR", after.path("mode").asText(), after.toString());
        client().post(clientPath(user) + "/contacts", Map.of("sip", pair.user(3)))
                .expect(201);
        assertEquals(
                List.of(pair.user(3)),
                texts(client().get(clientPath(user) + "/contacts").expect(200).json()));
    }

    @Test
    void aPeerToPeerSessionFromAnUnaffectedUserToAResiliencyModeUserBeforeFailoverCompletesIsRefused() {
        PoolPair pair = PoolPair.create(operator(), "fop2p", 10, 1);
        String affected = pair.user(3);
        String unaffected = pair.backupUser(3);
        signIn(client(), unaffected);
        try {
            long held = failoverHeldInFailingOver(pair);
            assertEquals("RESILIENCY", signIn(client(), affected).path("mode").asText());
            Api.Reply refused = client().post(clientPath(unaffected) + "/p2p", Map.of("with", affected));
            assertEquals(409, refused.status(), refused.body());
            assertEquals("RESILIENCY_MODE", refused.code());
            assertTrue(refused.json().path("message").asText().contains(affected), refused.body());
            completeHeldFailover(pair, held);
        } finally {
            operator().delete("test-hooks/faults");
        }
        long p2p = client().post(clientPath(unaffected) + "/p2p", Map.of("with", affected))
                .expect(201)
                .json()
                .path("id")
                .asLong();
        assertEquals(
                "ACTIVE",
                client().get("p2p/" + p2p).expect(200).json().path("state").asText());
    }

    /**
     * Outage, then a failover that stops before complete-failover: the last user's transition fails (test hook), so
     * the pool stays FAILING_OVER. The caller clears the fault (test-hooks/faults) in a finally.
     */
    private static long failoverHeldInFailingOver(PoolPair pair) {
        operator()
                .post("test-hooks/faults", Map.of("sip", pair.user(pair.users())))
                .expect(204);
        if (!"DOWN".equals(pair.details(viewer()).path("state").asText())) {
            operator().post("pools/" + pair.pool() + "/outage").expect(200);
        }
        long id = Pools.startFailover(operator(), pair.pool());
        JsonNode stopped = Jobs.awaitEnd(operator(), id, JOB_WAIT);
        assertEquals("USERS_FAILED", stopped.path("exitStatus").asText(), stopped.toString());
        assertEquals("FAILING_OVER", pair.details(viewer()).path("state").asText());
        return id;
    }

    private static void completeHeldFailover(PoolPair pair, long held) {
        operator().delete("test-hooks/faults").expect(204);
        long restarted = operator()
                .post("jobs/" + held + "/restart")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), restarted, JOB_WAIT).path("status").asText());
        assertEquals("FAILED_OVER", pair.details(viewer()).path("state").asText());
    }

    /** Signs in once the pool's (short) resiliency timer has expired. */
    private static JsonNode awaitSignIn(PoolPair pair, String sip, String clientVersion) {
        JsonNode[] registration = new JsonNode[1];
        Jobs.await(sip + " signing in after the resiliency timer of " + pair.pool(), TIMER_WAIT, () -> {
            Api.Reply attempt = client().post(clientPath(sip) + "/sign-in", Map.of("clientVersion", clientVersion));
            registration[0] = attempt.status() == 200 ? attempt.json() : null;
            return attempt.status() == 200;
        });
        return registration[0];
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts.stream().sorted().toList();
    }
}
