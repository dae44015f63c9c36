package org.failback.domain.experience;

import static org.failback.domain.experience.Seed000Topology.BACKUP;
import static org.failback.domain.experience.Seed000Topology.THIRD;
import static org.failback.domain.experience.Seed000Topology.backupAsHome;
import static org.failback.domain.experience.Seed000Topology.doneRegular;
import static org.failback.domain.experience.Seed000Topology.home;
import static org.failback.domain.experience.Seed000Topology.homedOnBackupSignedIn;
import static org.failback.domain.experience.Seed000Topology.movedHomeInResiliency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.PresenceState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 000, "User Experience for a User Homed in an Unaffected Pool During Failback of Another Pool": one test per
 * row and column. The unaffected user is homed on fe-dc2 (NORMAL); fe-dc1 is FAILING_BACK, then NORMAL.
 */
@DisplayName("Seed 000: user homed in an unaffected pool during failback of another pool")
class UnaffectedPoolUserFailbackTableTest {

    private static final HomePoolView DURING = home(PoolState.FAILING_BACK);
    private static final HomePoolView AFTER = home(PoolState.NORMAL);

    private final ExperiencePolicy policy = new ExperiencePolicy();
    private final UserView unaffected = homedOnBackupSignedIn();

    // Row "Viewing presence of affected user"

    @ParameterizedTest(name = "viewer homed on {0}")
    @ValueSource(strings = {"fe-dc2", "fe-dc3"})
    @DisplayName(
            "Viewing presence of affected user, during failback: \"Shows the last presence state set by the affected user.\"")
    void presenceOfAffectedUserSeenByOtherPoolDuringFailbackIsLastSetAndNotLive(String viewerPool) {
        assertEquals(
                new PresenceView(PresenceState.DO_NOT_DISTURB, false),
                policy.presenceSeenBy(
                        movedHomeInResiliency(), PresenceState.DO_NOT_DISTURB, null, DURING, PoolName.of(viewerPool)));
    }

    @Test
    @DisplayName(
            "Viewing presence of affected user, after failback completion: \"Working. Unaffected users see updates made"
                    + " by affected users.\"")
    void presenceOfAffectedUserSeenByOtherPoolAfterFailbackIsLive() {
        assertEquals(
                new PresenceView(PresenceState.DO_NOT_DISTURB, true),
                policy.presenceSeenBy(doneRegular(), PresenceState.DO_NOT_DISTURB, null, AFTER, BACKUP));
        assertEquals(
                new PresenceView(PresenceState.AVAILABLE, true),
                policy.presenceSeenBy(doneRegular(), PresenceState.AVAILABLE, null, AFTER, THIRD),
                "an update is seen");
    }

    // Row "Ongoing conferences organized by affected user"

    @Test
    @DisplayName(
            "Conferences organized by affected user, during failback: \"All modalities of conference are terminated.\"")
    void unaffectedUserCannotRejoinConferenceOfAffectedOrganiserDuringFailback() {
        assertEquals(
                Optional.empty(),
                policy.check(ClientRequest.JOIN_CONFERENCE, unaffected, backupAsHome()),
                "the participant may join conferences in general");
        assertFalse(
                policy.canRejoin(movedHomeInResiliency(), DURING),
                "but not this one while its organiser is failed back");
    }

    @Test
    @DisplayName("Conferences organized by affected user, after failback completion: \"All modalities now work. Every"
            + " participant needs to click to rejoin the conference.\"")
    void unaffectedUserRejoinsConferenceOfAffectedOrganiserAfterFailback() {
        assertTrue(policy.canRejoin(doneRegular(), AFTER));
        assertEquals(Optional.empty(), policy.check(ClientRequest.JOIN_CONFERENCE, unaffected, backupAsHome()));
    }

    // Row "Ongoing conferences organized by unaffected user"

    @Test
    @DisplayName(
            "Conferences organized by unaffected user, during failback: \"Conference continues, and affected user can"
                    + " stay in the conference and all modalities work.\"")
    void conferenceOfUnaffectedOrganiserContinuesWithAllModalitiesDuringFailback() {
        assertFalse(policy.isAffected(unaffected, backupAsHome()));
        assertTrue(policy.canRejoin(unaffected, backupAsHome()));
        assertEquals(
                Optional.empty(),
                policy.check(ClientRequest.JOIN_CONFERENCE, movedHomeInResiliency(), DURING),
                "the affected participant stays");
        for (ClientRequest request : ClientRequest.values()) {
            assertEquals(Optional.empty(), policy.check(request, unaffected, backupAsHome()), request.name());
        }
    }

    @Test
    @DisplayName(
            "Conferences organized by unaffected user, after failback completion: \"Conference continues, and affected"
                    + " user can stay in the conference and all modalities work.\"")
    void conferenceOfUnaffectedOrganiserContinuesWithAllModalitiesAfterFailback() {
        assertTrue(policy.canRejoin(unaffected, backupAsHome()));
        for (ClientRequest request : ClientRequest.values()) {
            assertEquals(Optional.empty(), policy.check(request, doneRegular(), AFTER), request.name());
        }
    }

    // Row "All peer-to-peer sessions and modalities"

    @Test
    @DisplayName("All peer-to-peer sessions and modalities, during failback: \"Available\" (both parties are checked)")
    void peerToPeerWithAffectedUserAvailableDuringFailback() {
        assertEquals(Optional.empty(), policy.check(ClientRequest.START_P2P, unaffected, backupAsHome()));
        assertEquals(Optional.empty(), policy.check(ClientRequest.START_P2P, movedHomeInResiliency(), DURING));
    }

    @Test
    @DisplayName("All peer-to-peer sessions and modalities, after failback completion: \"Available\"")
    void peerToPeerWithAffectedUserAvailableAfterFailback() {
        assertEquals(Optional.empty(), policy.check(ClientRequest.START_P2P, unaffected, backupAsHome()));
        assertEquals(Optional.empty(), policy.check(ClientRequest.START_P2P, doneRegular(), AFTER));
    }
}
