package org.failback.domain.experience;

import static org.failback.domain.experience.Seed000Topology.BACKUP;
import static org.failback.domain.experience.Seed000Topology.BACKUP_ID;
import static org.failback.domain.experience.Seed000Topology.HOME;
import static org.failback.domain.experience.Seed000Topology.HOME_ID;
import static org.failback.domain.experience.Seed000Topology.affectedSignedIn;
import static org.failback.domain.experience.Seed000Topology.affectedSignedOut;
import static org.failback.domain.experience.Seed000Topology.backupAsHome;
import static org.failback.domain.experience.Seed000Topology.doneRegular;
import static org.failback.domain.experience.Seed000Topology.home;
import static org.failback.domain.experience.Seed000Topology.homedOnBackupSignedIn;
import static org.failback.domain.experience.Seed000Topology.movedHomeInResiliency;
import static org.failback.domain.experience.Seed000Topology.viewOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.PresenceState;
import org.failback.domain.registrar.Registration;
import org.failback.domain.registrar.RegistrationMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 000, "User Experience for an Affected User in a Pool in Failback": one test per row and column. During
 * failback fe-dc1 is FAILING_BACK; after completion it is NORMAL and the user's failback status DONE.
 */
@DisplayName("Seed 000: affected user in a pool in failback")
class AffectedUserFailbackTableTest {

    private static final Instant NOW = Instant.parse("2024-05-02T09:00:00Z");
    private static final HomePoolView DURING = home(PoolState.FAILING_BACK);
    private static final HomePoolView AFTER = home(PoolState.NORMAL);

    private final ExperiencePolicy policy = new ExperiencePolicy();

    // Row "User state of user already logged in"

    @Test
    @DisplayName(
            "Already logged in, during failback: \"User stays signed in and connected to backup pool. At some point user"
                    + " will be signed out and sign back in to the original home pool, in Resiliency mode.\"")
    void affectedUserAlreadySignedInDuringFailbackStaysOnBackupThenMovesHomeInResiliencyMode() {
        UserView onBackup = affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.REGULAR);

        SignInDecision again = policy.signIn(onBackup, DURING, NOW);
        assertEquals(
                SignInDecision.accepted(BACKUP, RegistrationMode.REGULAR),
                again,
                "signing in again must not move the user");

        UserView movedByJob =
                viewOf(new Registration(7, HOME_ID, FailbackStatus.ON_BACKUP, true, BACKUP_ID, RegistrationMode.REGULAR)
                        .movedHome());
        assertEquals(HOME, movedByJob.servingPool());
        assertEquals(RegistrationMode.RESILIENCY, movedByJob.mode());
        assertTrue(policy.isAffected(movedByJob, DURING));
        assertEquals(Optional.of(Refusal.RESILIENCY_MODE), policy.check(ClientRequest.ADD_CONTACT, movedByJob, DURING));
    }

    @Test
    @DisplayName("Already logged in, after failback completion: \"User remains signed in and goes into regular mode.\"")
    void affectedUserAlreadySignedInAfterFailbackIsRegular() {
        UserView completed =
                viewOf(new Registration(7, HOME_ID, FailbackStatus.MOVED, true, HOME_ID, RegistrationMode.RESILIENCY)
                        .seenWhile(PoolState.NORMAL));

        assertTrue(completed.signedIn());
        assertEquals(SignInDecision.accepted(HOME, RegistrationMode.REGULAR), policy.signIn(completed, AFTER, NOW));
        assertFalse(policy.isAffected(completed, AFTER));
        for (ClientRequest request : ClientRequest.values()) {
            assertEquals(Optional.empty(), policy.check(request, completed, AFTER), request.name());
        }
    }

    // Row "New user logging in"

    @ParameterizedTest(name = "failback status {0}")
    @EnumSource(
            value = FailbackStatus.class,
            names = {"ON_BACKUP", "MOVED", "FAILED"})
    @DisplayName("New user logging in, during failback: \"User can sign in to the home pool in Resiliency mode.\"")
    void affectedUserNewSignInDuringFailbackGetsResiliencyModeOnHomePool(FailbackStatus status) {
        assertEquals(
                SignInDecision.accepted(HOME, RegistrationMode.RESILIENCY),
                policy.signIn(affectedSignedOut(status), DURING, NOW));
    }

    @Test
    @DisplayName(
            "New user logging in, after failback completion: \"User can sign in to the original home pool in regular mode.\"")
    void affectedUserNewSignInAfterFailbackGetsRegularModeOnHomePool() {
        assertEquals(
                SignInDecision.accepted(HOME, RegistrationMode.REGULAR),
                policy.signIn(affectedSignedOut(FailbackStatus.DONE), AFTER, NOW));
    }

    @Test
    @DisplayName(
            "New user logging in whose own failback is done while the pool still completes: regular mode, as the job"
                    + " leaves signed-in users")
    void userWhoseFailbackIsDoneSignsInRegularBeforePoolCompletes() {
        assertEquals(
                SignInDecision.accepted(HOME, RegistrationMode.REGULAR),
                policy.signIn(affectedSignedOut(FailbackStatus.DONE), DURING, NOW));
    }

    // Row "Ongoing conferences organized by affected user"

    @Test
    @DisplayName(
            "Conferences organized by affected user, during failback: \"All modalities of conference are terminated."
                    + " Rejoin button will appear, but no users can rejoin while the affected user is in Resiliency mode.\"")
    void conferenceOrganisedByAffectedUserCannotBeRejoinedWhileOrganiserInResiliency() {
        assertFalse(policy.canRejoin(movedHomeInResiliency(), DURING), "organiser moved home, in resiliency mode");
        assertFalse(
                policy.canRejoin(
                        affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.RESILIENCY), DURING),
                "organiser still on the backup pool in resiliency mode");
        assertFalse(
                policy.canRejoin(affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.REGULAR), DURING),
                "organiser not moved yet: they will be in resiliency mode once moved");
    }

    @Test
    @DisplayName("Conferences organized by affected user, after failback completion: \"All modalities now work. Every"
            + " participant needs to click to rejoin the conference.\"")
    void conferenceOrganisedByAffectedUserCanBeRejoinedAfterFailback() {
        assertTrue(policy.canRejoin(doneRegular(), AFTER));
        assertTrue(
                policy.canRejoin(affectedSignedOut(FailbackStatus.DONE), AFTER), "the organiser need not be signed in");
        assertEquals(Optional.empty(), policy.check(ClientRequest.JOIN_CONFERENCE, doneRegular(), AFTER));
    }

    // Row "Ongoing conferences organized by unaffected user"

    @Test
    @DisplayName(
            "Conferences organized by unaffected user, during failback: \"Conference continues and affected user can"
                    + " stay in the conference. Affected user is restricted to what he/she can do in Resiliency mode.\"")
    void affectedUserStaysInConferenceOfUnaffectedOrganiserRestrictedToResiliencyMode() {
        UserView affected = movedHomeInResiliency();

        assertTrue(
                policy.canRejoin(homedOnBackupSignedIn(), backupAsHome()),
                "an unaffected organiser's conference is never held back");
        assertEquals(Optional.empty(), policy.check(ClientRequest.JOIN_CONFERENCE, affected, DURING));
        assertEquals(Optional.empty(), policy.check(ClientRequest.SET_PRESENCE, affected, DURING));
        assertEquals(
                Optional.of(Refusal.RESILIENCY_MODE), policy.check(ClientRequest.MODIFY_MEETING, affected, DURING));
    }

    @Test
    @DisplayName(
            "Conferences organized by unaffected user, after failback completion: \"Conference continues, and affected"
                    + " user can stay in the conference and all modalities work after user exits Resiliency mode.\"")
    void affectedUserGetsAllModalitiesInConferenceOfUnaffectedOrganiserAfterLeavingResiliencyMode() {
        for (ClientRequest request : ClientRequest.values()) {
            assertEquals(Optional.empty(), policy.check(request, doneRegular(), AFTER), request.name());
        }
    }

    // Row "Scheduling or modifying scheduled meetings, creating ad-hoc conferences"

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientRequest.class,
            names = {"SCHEDULE_MEETING", "MODIFY_MEETING", "CREATE_AD_HOC_CONFERENCE"})
    @DisplayName(
            "Scheduling or modifying meetings, creating ad-hoc conferences, during failback: \"Not possible while user"
                    + " is in Resiliency mode.\"")
    void meetingsAndAdHocConferencesNotPossibleInResiliencyModeDuringFailback(ClientRequest request) {
        assertEquals(Optional.of(Refusal.RESILIENCY_MODE), policy.check(request, movedHomeInResiliency(), DURING));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientRequest.class,
            names = {"SCHEDULE_MEETING", "MODIFY_MEETING", "CREATE_AD_HOC_CONFERENCE"})
    @DisplayName(
            "Scheduling or modifying meetings, creating ad-hoc conferences, after failback completion: \"Available for"
                    + " all modalities.\"")
    void meetingsAndAdHocConferencesAvailableAfterFailback(ClientRequest request) {
        assertEquals(Optional.empty(), policy.check(request, doneRegular(), AFTER));
    }

    // Row "Presence as seen by other users in the same pool"

    @Test
    @DisplayName(
            "Presence seen by the same pool, during failback: \"Presence unknown while user is signed into backup pool"
                    + " during Resiliency mode.\"")
    void presenceOfAffectedUserSeenBySamePoolDuringFailbackIsUnknown() {
        PresenceView expected = new PresenceView(PresenceState.UNKNOWN, false);
        UserView onBackup = affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.RESILIENCY);

        assertEquals(expected, policy.presenceSeenBy(onBackup, PresenceState.BUSY, null, DURING, HOME));
        assertEquals(
                expected,
                policy.presenceSeenBy(movedHomeInResiliency(), PresenceState.BUSY, null, DURING, HOME),
                "kept unknown until the user's own failback is done");
    }

    @Test
    @DisplayName("Presence seen by the same pool, after failback completion: \"Shows the last presence state set by the"
            + " user, and presence changes will now be reflected.\"")
    void presenceOfAffectedUserSeenBySamePoolAfterFailbackIsLastSetAndLive() {
        assertEquals(
                new PresenceView(PresenceState.BUSY, true),
                policy.presenceSeenBy(doneRegular(), PresenceState.BUSY, null, AFTER, HOME));
        assertEquals(
                new PresenceView(PresenceState.AWAY, true),
                policy.presenceSeenBy(doneRegular(), PresenceState.AWAY, null, AFTER, HOME),
                "a change is reflected");
    }

    // Row "Contacts list and Address Book Service availability"

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientRequest.class,
            names = {"VIEW_CONTACTS", "ADD_CONTACT"})
    @DisplayName("Contacts list and Address Book Service, during failback: \"Not available\"")
    void contactsListAndAddressBookNotAvailableDuringFailback(ClientRequest request) {
        assertEquals(Optional.of(Refusal.RESILIENCY_MODE), policy.check(request, movedHomeInResiliency(), DURING));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientRequest.class,
            names = {"VIEW_CONTACTS", "ADD_CONTACT"})
    @DisplayName("Contacts list and Address Book Service, after failback completion: \"Available\"")
    void contactsListAndAddressBookAvailableAfterFailback(ClientRequest request) {
        assertEquals(Optional.empty(), policy.check(request, doneRegular(), AFTER));
    }

    // Row "All peer-to-peer sessions and modalities"

    @Test
    @DisplayName("All peer-to-peer sessions and modalities, during failback: \"Available\"")
    void peerToPeerAvailableDuringFailbackInResiliencyMode() {
        assertEquals(Optional.empty(), policy.check(ClientRequest.START_P2P, movedHomeInResiliency(), DURING));
        assertEquals(
                Optional.empty(),
                policy.check(
                        ClientRequest.START_P2P,
                        affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.RESILIENCY),
                        DURING));
    }

    @Test
    @DisplayName("All peer-to-peer sessions and modalities, after failback completion: \"Available\"")
    void peerToPeerAvailableAfterFailback() {
        assertEquals(Optional.empty(), policy.check(ClientRequest.START_P2P, doneRegular(), AFTER));
    }
}
