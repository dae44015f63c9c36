package org.failback.domain.experience;

import static org.failback.domain.experience.Seed000Topology.AFFECTED;
import static org.failback.domain.experience.Seed000Topology.BACKUP;
import static org.failback.domain.experience.Seed000Topology.BACKUP_ID;
import static org.failback.domain.experience.Seed000Topology.HOME;
import static org.failback.domain.experience.Seed000Topology.HOME_ID;
import static org.failback.domain.experience.Seed000Topology.OUTAGE;
import static org.failback.domain.experience.Seed000Topology.THIRD;
import static org.failback.domain.experience.Seed000Topology.backupAsHome;
import static org.failback.domain.experience.Seed000Topology.home;
import static org.failback.domain.experience.Seed000Topology.homedOnBackupSignedIn;
import static org.failback.domain.experience.Seed000Topology.viewOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.PresenceState;
import org.failback.domain.registrar.Registration;
import org.failback.domain.registrar.RegistrationMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 000's rows judged on the states the jobs really leave, built by the jobs' own transitions
 * ({@link Registration}): after failover completes an affected user is served by the backup pool in regular mode, and
 * during a (staged) failback they are either still there in regular mode or moved home in resiliency mode.
 */
@DisplayName("Seed 000 on the registrar states the failover and failback jobs produce")
class SeedRowsOnJobStatesTest {

    private static final Instant NOW = Instant.parse("2024-05-02T09:00:00Z");
    private static final HomePoolView FAILING_OVER = home(PoolState.FAILING_OVER);
    private static final HomePoolView FAILED_OVER = home(PoolState.FAILED_OVER);
    private static final HomePoolView DURING = home(PoolState.FAILING_BACK);
    private static final HomePoolView AFTER = home(PoolState.NORMAL);

    private final ExperiencePolicy policy = new ExperiencePolicy();

    /** Signed in during FAILING_OVER (resiliency mode on the backup pool), then reached by the failover job. */
    private static Registration signedInDuringFailover() {
        return new Registration(7, HOME_ID, FailbackStatus.NOT_AFFECTED, true, BACKUP_ID, RegistrationMode.RESILIENCY)
                .failedOverTo(BACKUP_ID);
    }

    /** What complete-failover leaves: still on the backup pool, regular mode, ON_BACKUP until the failback reaches them. */
    private static Registration onBackupAfterFailover() {
        return signedInDuringFailover().failoverCompleted();
    }

    private static UserView notYetMoved() {
        return viewOf(onBackupAfterFailover());
    }

    private static UserView movedHome() {
        return viewOf(onBackupAfterFailover().movedHome());
    }

    private static UserView done() {
        return viewOf(onBackupAfterFailover().movedHome().seenWhile(PoolState.NORMAL));
    }

    @Test
    @DisplayName("The jobs' states: on the backup pool in regular mode, then home in resiliency mode, then regular")
    void theJobsLeaveAffectedUsersRegularOnTheBackupPoolThenResiliencyAtHomeThenRegular() {
        assertEquals(
                new UserView(
                        AFFECTED,
                        HOME,
                        FailbackStatus.ON_BACKUP,
                        true,
                        BACKUP,
                        RegistrationMode.REGULAR,
                        ClientVersion.LYNC_2013),
                notYetMoved());
        assertEquals(RegistrationMode.RESILIENCY, movedHome().mode());
        assertEquals(HOME, movedHome().servingPool());
        assertEquals(RegistrationMode.REGULAR, done().mode());
    }

    // Row "Contacts list and Address Book Service availability"

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientRequest.class,
            names = {"VIEW_CONTACTS", "ADD_CONTACT"})
    @DisplayName("Contacts list and Address Book Service, during failback: \"Not available\" — also to an affected user"
            + " not yet moved, who is in regular mode on the backup pool")
    void contactsListAndAddressBookNotAvailableDuringFailbackToAnAffectedUserNotYetMoved(ClientRequest request) {
        assertEquals(Optional.of(Refusal.FAILBACK_IN_PROGRESS), policy.check(request, notYetMoved(), DURING));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientRequest.class,
            names = {"VIEW_CONTACTS", "ADD_CONTACT"})
    @DisplayName("Contacts list and Address Book Service, during failback: \"Not available\" to an affected user moved"
            + " home (resiliency mode)")
    void contactsListAndAddressBookNotAvailableDuringFailbackToAnAffectedUserMovedHome(ClientRequest request) {
        assertEquals(Optional.of(Refusal.RESILIENCY_MODE), policy.check(request, movedHome(), DURING));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientRequest.class,
            names = {"VIEW_CONTACTS", "ADD_CONTACT"})
    @DisplayName("Contacts: available once failover completed (\"all users can get all services from the backup"
            + " pool\"), to users of the backup pool during the failback, and to everyone after it")
    void contactsAvailableAfterFailoverToUnaffectedUsersAndAfterFailback(ClientRequest request) {
        assertEquals(Optional.empty(), policy.check(request, notYetMoved(), FAILED_OVER));
        assertEquals(Optional.empty(), policy.check(request, homedOnBackupSignedIn(), backupAsHome()));
        assertEquals(Optional.empty(), policy.check(request, done(), AFTER));
    }

    // Row "Ongoing conferences organized by affected user": the organiser not yet moved holds rejoin back too

    @Test
    @DisplayName("Conferences organized by affected user, during failback: \"no users can rejoin while the affected"
            + " user is in Resiliency mode\" — nor before they get there, while still on the backup pool")
    void conferenceOfAnAffectedOrganiserNotYetMovedCannotBeRejoinedDuringFailback() {
        assertFalse(policy.canRejoin(notYetMoved(), DURING));
        assertFalse(policy.canRejoin(movedHome(), DURING));
        assertTrue(policy.canRejoin(done(), AFTER));
    }

    // Rows "Presence as seen by other users in the same pool" / "Viewing presence of affected user"

    @Test
    @DisplayName("Viewing presence of affected user, during failback: users of other pools see the last state set"
            + " before the failback, not a change made during it")
    void presenceOfAffectedUserSeenByOtherPoolsDuringFailbackIsTheStateSetBeforeTheFailback() {
        for (UserView subject : new UserView[] {notYetMoved(), movedHome()}) {
            assertTrue(policy.keepsPresenceBeforeFailback(subject, DURING), subject.toString());
            assertEquals(
                    new PresenceView(PresenceState.BUSY, false),
                    policy.presenceSeenBy(subject, PresenceState.AWAY, PresenceState.BUSY, DURING, BACKUP));
            assertEquals(
                    new PresenceView(PresenceState.BUSY, false),
                    policy.presenceSeenBy(subject, PresenceState.AWAY, PresenceState.BUSY, DURING, THIRD));
            assertEquals(
                    new PresenceView(PresenceState.AWAY, false),
                    policy.presenceSeenBy(subject, PresenceState.AWAY, null, DURING, BACKUP),
                    "no change during the failback: the state last set is the one set before it");
        }
    }

    @Test
    @DisplayName("Presence as seen by other users in the same pool, during failback: unknown, for an affected user"
            + " on either side of the move, until that user's failback is done")
    void presenceOfAffectedUserSeenBySamePoolDuringFailbackIsUnknownUntilTheirFailbackIsDone() {
        PresenceView unknown = new PresenceView(PresenceState.UNKNOWN, false);
        assertEquals(
                unknown, policy.presenceSeenBy(notYetMoved(), PresenceState.AWAY, PresenceState.BUSY, DURING, HOME));
        assertEquals(unknown, policy.presenceSeenBy(movedHome(), PresenceState.AWAY, null, DURING, HOME));
        assertEquals(
                new PresenceView(PresenceState.AWAY, true),
                policy.presenceSeenBy(done(), PresenceState.AWAY, null, DURING, HOME),
                "done while the pool still completes: live again");
    }

    @Test
    @DisplayName("Presence after failback completion: both pools see the latest state set, live; and a change made"
            + " before the failback (failed over) is no failback change")
    void presenceAfterFailbackIsTheLatestStateForEveryViewerAndNothingIsKeptOutsideAFailback() {
        assertFalse(policy.keepsPresenceBeforeFailback(done(), AFTER));
        assertFalse(policy.keepsPresenceBeforeFailback(notYetMoved(), FAILED_OVER));
        assertFalse(policy.keepsPresenceBeforeFailback(homedOnBackupSignedIn(), backupAsHome()));
        for (var viewer : new org.failback.domain.pool.PoolName[] {HOME, BACKUP}) {
            assertEquals(
                    new PresenceView(PresenceState.AWAY, true),
                    policy.presenceSeenBy(done(), PresenceState.AWAY, null, AFTER, viewer));
        }
    }

    // "Users with Microsoft Office Communicator 2007 R2 clients cannot sign in until the Front End pool is completely
    // failed back."

    @ParameterizedTest(name = "home pool {0}")
    @EnumSource(
            value = PoolState.class,
            names = {"FAILING_OVER", "FAILED_OVER", "FAILING_BACK"})
    @DisplayName("OC 2007 R2 \"cannot sign in until the Front End pool is completely failed back\" — also a user"
            + " already signed in with another client")
    void oc2007R2SignInRefusedUntilCompletelyFailedBackEvenForAUserAlreadySignedIn(PoolState state) {
        UserView signedIn = state == PoolState.FAILING_BACK ? movedHome() : notYetMoved();
        assertEquals(
                SignInDecision.refused(Refusal.CLIENT_NOT_SUPPORTED),
                policy.signIn(signedIn.signingInWith(ClientVersion.OC_2007_R2), home(state), NOW));
        assertEquals(
                SignInDecision.accepted(signedIn.servingPool(), signedIn.mode()),
                policy.signIn(signedIn, home(state), NOW),
                "the same user signing in again with Lync keeps the registration");
    }

    @Test
    @DisplayName(
            "OC 2007 R2, once the pool is completely failed back: an already signed-in user keeps the registration")
    void oc2007R2SignInAcceptedOnceCompletelyFailedBack() {
        assertEquals(
                SignInDecision.accepted(HOME, RegistrationMode.REGULAR),
                policy.signIn(done().signingInWith(ClientVersion.OC_2007_R2), AFTER, NOW));
    }

    // Item 7: what nothing covered

    @Test
    @DisplayName("\"If they log in before the failover has completed, they will be in Resiliency mode until failover is"
            + " complete\": complete-failover makes them regular without signing in again")
    void usersSignedInDuringFailingOverLeaveResiliencyModeWhenFailoverCompletes() {
        SignInDecision duringFailover = policy.signIn(
                Seed000Topology.affectedSignedOut(FailbackStatus.NOT_AFFECTED), FAILING_OVER, OUTAGE.plusSeconds(5));
        assertEquals(SignInDecision.accepted(BACKUP, RegistrationMode.RESILIENCY), duringFailover);
        UserView resiliency = viewOf(signedInDuringFailover());
        assertEquals(
                Optional.of(Refusal.RESILIENCY_MODE),
                policy.check(ClientRequest.ADD_CONTACT, resiliency, FAILING_OVER));

        UserView completed = viewOf(signedInDuringFailover().failoverCompleted());
        assertTrue(completed.signedIn(), "still signed in: nobody signed in again");
        assertEquals(RegistrationMode.REGULAR, completed.mode());
        for (ClientRequest request : ClientRequest.values()) {
            assertEquals(Optional.empty(), policy.check(request, completed, FAILED_OVER), request.name());
        }
    }

    @Test
    @DisplayName("User state of user already logged in: stays signed in through move-users-home (\"signed out and sign"
            + " back in to the original home pool, in Resiliency mode\") and \"remains signed in and goes into regular"
            + " mode\"")
    void signedInUserStaysSignedInThroughMoveHomeAndIsRegularAfterCompletion() {
        Registration moved = onBackupAfterFailover().movedHome();
        assertTrue(moved.signedIn());
        assertEquals(Integer.valueOf(HOME_ID), moved.servingPoolId());
        Registration completed = moved.seenWhile(PoolState.NORMAL);
        assertTrue(completed.signedIn());
        assertEquals(RegistrationMode.REGULAR, completed.mode());
        assertEquals(Integer.valueOf(HOME_ID), completed.servingPoolId());
    }

    @Test
    @DisplayName(
            "\"The user cannot log back in until either the registrar resiliency timer expires or the administrator"
                    + " initiates failover procedures, whichever comes first\": once failover started the timer is ignored")
    void resiliencyTimerIsIgnoredOnceFailoverStarted() {
        HomePoolView longTimer = new HomePoolView(HOME, PoolState.FAILING_OVER, BACKUP, OUTAGE, 86_400);
        assertEquals(
                SignInDecision.accepted(BACKUP, RegistrationMode.RESILIENCY),
                policy.signIn(
                        Seed000Topology.affectedSignedOut(FailbackStatus.NOT_AFFECTED),
                        longTimer,
                        OUTAGE.plusSeconds(1)));
        HomePoolView down = new HomePoolView(HOME, PoolState.DOWN, BACKUP, OUTAGE, 86_400);
        assertEquals(
                SignInDecision.refused(Refusal.POOL_UNAVAILABLE),
                policy.signIn(
                        Seed000Topology.affectedSignedOut(FailbackStatus.NOT_AFFECTED), down, OUTAGE.plusSeconds(1)),
                "the same instant before failover started");
    }

    @Test
    @DisplayName("\"Only then the user is able to establish new sessions\": a p2p session from an unaffected user to a"
            + " resiliency-mode user before failover completes is refused (the invited party is judged too)")
    void peerToPeerFromUnaffectedUserToResiliencyModeUserBeforeFailoverCompletesIsRefused() {
        UserView callee = viewOf(signedInDuringFailover());
        assertEquals(
                Optional.empty(),
                policy.check(ClientRequest.START_P2P, homedOnBackupSignedIn(), backupAsHome()),
                "the unaffected caller may");
        assertEquals(Optional.of(Refusal.RESILIENCY_MODE), policy.check(ClientRequest.START_P2P, callee, FAILING_OVER));
        assertEquals(
                Optional.empty(),
                policy.check(
                        ClientRequest.START_P2P, viewOf(signedInDuringFailover().failoverCompleted()), FAILED_OVER),
                "once failover completed");
    }

    @Test
    @DisplayName("Conferences organized by unaffected user: \"Conference continues and affected user can stay in the"
            + " conference\" on either side of the move, and after it")
    void affectedGuestOfAnUnaffectedOrganisersConferenceMayStayDuringAndAfterFailback() {
        assertTrue(policy.canRejoin(homedOnBackupSignedIn(), backupAsHome()));
        assertEquals(Optional.empty(), policy.check(ClientRequest.JOIN_CONFERENCE, notYetMoved(), DURING));
        assertEquals(Optional.empty(), policy.check(ClientRequest.JOIN_CONFERENCE, movedHome(), DURING));
        assertEquals(Optional.empty(), policy.check(ClientRequest.JOIN_CONFERENCE, done(), AFTER));
    }
}
