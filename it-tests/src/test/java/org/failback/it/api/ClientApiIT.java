package org.failback.it.api;

import static org.failback.it.api.PoolPair.clientPath;
import static org.failback.it.api.PoolPair.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.it.Api;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/** The client API while every pool is NORMAL: what a Lync client does for its user, and what others see of it. */
class ClientApiIT extends ProductIT {

    @Test
    void signingInAUserWhoIsSignedInAlreadyAnswersTheCurrentRegistration() {
        PoolPair pair = PoolPair.create(operator(), "again", 2, 120);
        String sip = pair.user(1);
        JsonNode first = signIn(client(), sip);
        assertEquals(pair.pool(), first.path("servingPool").asText());
        assertEquals("REGULAR", first.path("mode").asText());
        JsonNode second = client().post(clientPath(sip) + "/sign-in", Map.of("clientVersion", "LYNC_2010"))
                .expect(200)
                .json();
        assertEquals(first, second);
        // ':' and '@' may arrive percent-encoded.
        client().post(clientPath(sip.replace(":", "%3A").replace("@", "%40")) + "/sign-out")
                .expect(204);
        assertFalse(pair.userItem(viewer(), sip).path("signedIn").asBoolean());
        client().post(clientPath(sip) + "/sign-out").expect(204);
    }

    @Test
    void presenceChangesAreSeenLiveAndTheLastStateSetSurvivesSignOut() {
        PoolPair pair = PoolPair.create(operator(), "presence", 2, 120);
        String user = pair.user(1);
        String other = pair.backupUser(1);
        signIn(client(), user);
        signIn(client(), other);
        client().put(clientPath(user) + "/presence", Map.of("state", "BUSY")).expect(200);
        JsonNode seen = client().get(clientPath(other) + "/presence/" + user)
                .expect(200)
                .json();
        assertEquals(user, seen.path("sip").asText());
        assertEquals("BUSY", seen.path("state").asText());
        assertTrue(seen.path("live").asBoolean());

        client().post(clientPath(user) + "/sign-out").expect(204);
        assertEquals(
                "OFFLINE",
                client().get(clientPath(other) + "/presence/" + user)
                        .expect(200)
                        .json()
                        .path("state")
                        .asText());
        Api.Reply signedOut = client().put(clientPath(user) + "/presence", Map.of("state", "AWAY"));
        assertEquals(409, signedOut.status(), signedOut.body());
        assertEquals("NOT_SIGNED_IN", signedOut.code());
        signIn(client(), user);
        assertEquals(
                "BUSY",
                client().get(clientPath(other) + "/presence/" + user)
                        .expect(200)
                        .json()
                        .path("state")
                        .asText());
    }

    @Test
    void contactsAreListedSortedAndAddedOnce() {
        PoolPair pair = PoolPair.create(operator(), "contacts", 4, 120);
        String user = pair.user(1);
        signIn(client(), user);
        assertEquals(
                0,
                client().get(clientPath(user) + "/contacts").expect(200).json().size());
        client().post(clientPath(user) + "/contacts", Map.of("sip", pair.user(3)))
                .expect(201);
        client().post(clientPath(user) + "/contacts", Map.of("sip", pair.backupUser(2)))
                .expect(201);
        client().post(clientPath(user) + "/contacts", Map.of("sip", pair.user(3)))
                .expect(201);
        assertEquals(
                List.of(pair.backupUser(2), pair.user(3)).stream().sorted().toList(),
                texts(client().get(clientPath(user) + "/contacts").expect(200).json()));
        Api.Reply signedOut = client().get(clientPath(pair.user(2)) + "/contacts");
        assertEquals(409, signedOut.status(), signedOut.body());
        assertEquals("NOT_SIGNED_IN", signedOut.code());
    }

    @Test
    void aScheduledMeetingIsModifiedJoinedAndLeft() {
        PoolPair pair = PoolPair.create(operator(), "meeting", 3, 120);
        String organiser = pair.user(1);
        String guest = pair.backupUser(1);
        signIn(client(), organiser);
        signIn(client(), guest);
        Api.Reply created = client().post(clientPath(organiser) + "/conferences", Map.of("kind", "SCHEDULED"))
                .expect(201);
        long id = created.json().path("id").asLong();
        client().put("conferences/" + id, Map.of("subject", "Failback rehearsal"))
                .expect(200);
        client().post("conferences/" + id + "/join", Map.of("sip", guest)).expect(200);
        JsonNode meeting = client().get("conferences/" + id).expect(200).json();
        assertEquals(organiser, meeting.path("organizer").asText());
        assertEquals("ACTIVE", meeting.path("state").asText());
        assertEquals("Failback rehearsal", meeting.path("subject").asText());
        assertEquals(List.of(organiser, guest).stream().sorted().toList(), texts(meeting.path("participants")));
        assertFalse(meeting.path("rejoinAllowed").asBoolean());

        client().post("conferences/" + id + "/leave", Map.of("sip", guest)).expect(200);
        assertEquals(
                List.of(organiser),
                texts(client().get("conferences/" + id).expect(200).json().path("participants")));
        Api.Reply notSignedIn = client().post("conferences/" + id + "/join", Map.of("sip", pair.user(3)));
        assertEquals(409, notSignedIn.status(), notSignedIn.body());
        assertEquals("NOT_SIGNED_IN", notSignedIn.code());
        assertEquals(
                1,
                client().get("conferences/" + id)
                        .expect(200)
                        .json()
                        .path("participants")
                        .size());
        Api.Reply blankSubject = client().put("conferences/" + id, Map.of("subject", " "));
        assertEquals(400, blankSubject.status(), blankSubject.body());
        assertEquals(
                "Failback rehearsal",
                client().get("conferences/" + id)
                        .expect(200)
                        .json()
                        .path("subject")
                        .asText());
    }

    @Test
    void aPeerToPeerSessionEndsWhenEitherPartySignsOut() {
        PoolPair pair = PoolPair.create(operator(), "p2p", 3, 120);
        String caller = pair.user(1);
        String callee = pair.backupUser(1);
        signIn(client(), caller);
        Api.Reply calleeAway = client().post(clientPath(caller) + "/p2p", Map.of("with", callee));
        assertEquals(409, calleeAway.status(), "the invited party must be signed in: " + calleeAway.body());
        assertEquals("NOT_SIGNED_IN", calleeAway.code());
        signIn(client(), callee);
        JsonNode started = client().post(clientPath(caller) + "/p2p", Map.of("with", callee))
                .expect(201)
                .json();
        long id = started.path("id").asLong();
        JsonNode session = client().get("p2p/" + id).expect(200).json();
        assertEquals(List.of(caller, callee), texts(session.path("parties")), "the one who started it first");
        assertEquals("ACTIVE", session.path("state").asText());
        client().post(clientPath(callee) + "/sign-out").expect(204);
        assertEquals(
                "TERMINATED",
                client().get("p2p/" + id).expect(200).json().path("state").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
