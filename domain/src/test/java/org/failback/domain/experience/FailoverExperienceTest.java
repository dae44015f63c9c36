package org.failback.domain.experience;

import static org.failback.domain.experience.Seed000Topology.BACKUP;
import static org.failback.domain.experience.Seed000Topology.HOME;
import static org.failback.domain.experience.Seed000Topology.OUTAGE;
import static org.failback.domain.experience.Seed000Topology.TIMER_SECONDS;
import static org.failback.domain.experience.Seed000Topology.affectedSignedIn;
import static org.failback.domain.experience.Seed000Topology.affectedSignedOut;
import static org.failback.domain.experience.Seed000Topology.home;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.RegistrationMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 000, the introduction and "User Experience During Failover". Signing users out on the outage, ending their
 * peer-to-peer sessions and their conferences is the pool service's work; here: who may sign in, where, and what then.
 */
@DisplayName("Seed 000: user experience during failover")
class FailoverExperienceTest {

    private static final Instant DEADLINE = OUTAGE.plusSeconds(TIMER_SECONDS);

    private final ExperiencePolicy policy = new ExperiencePolicy();
    private final UserView signedOut = affectedSignedOut(FailbackStatus.NOT_AFFECTED);

    @Test
    @DisplayName(
            "\"The user cannot log back in until either the registrar resiliency timer expires or the administrator"
                    + " initiates failover procedures\"")
    void signInBlockedUntilRegistrarResiliencyTimerExpires() {
        HomePoolView down = home(PoolState.DOWN);

        assertEquals(SignInDecision.refused(Refusal.POOL_UNAVAILABLE), policy.signIn(signedOut, down, OUTAGE));
        assertEquals(
                SignInDecision.refused(Refusal.POOL_UNAVAILABLE),
                policy.signIn(signedOut, down, DEADLINE.minusMillis(1)));
    }

    @Test
    @DisplayName(
            "\"When the user logs back in, they will log in to the backup pool. If they log in before the failover has"
                    + " completed, they will be in Resiliency mode\" (the timer expired)")
    void signInAfterRegistrarResiliencyTimerExpiresGoesToBackupPoolInResiliencyMode() {
        HomePoolView down = home(PoolState.DOWN);
        SignInDecision expected = SignInDecision.accepted(BACKUP, RegistrationMode.RESILIENCY);

        assertEquals(expected, policy.signIn(signedOut, down, DEADLINE));
        assertEquals(expected, policy.signIn(signedOut, down, DEADLINE.plusSeconds(3600)));
    }

    @Test
    @DisplayName("\"... or the administrator initiates failover procedures, whichever comes first\"")
    void signInAfterFailoverStartsBeforeTimerExpiresGoesToBackupPoolInResiliencyMode() {
        assertEquals(
                SignInDecision.accepted(BACKUP, RegistrationMode.RESILIENCY),
                policy.signIn(signedOut, home(PoolState.FAILING_OVER), OUTAGE.plusSeconds(1)));
    }

    @Test
    @DisplayName("While DOWN the sign-in deadline is the outage time plus the current resiliency timer (API)")
    void changingResiliencyTimerWhileDownMovesSignInDeadline() {
        HomePoolView longer = new HomePoolView(HOME, PoolState.DOWN, BACKUP, OUTAGE, TIMER_SECONDS * 10);
        HomePoolView shorter = new HomePoolView(HOME, PoolState.DOWN, BACKUP, OUTAGE, 1);

        assertEquals(SignInDecision.refused(Refusal.POOL_UNAVAILABLE), policy.signIn(signedOut, longer, DEADLINE));
        assertEquals(
                SignInDecision.accepted(BACKUP, RegistrationMode.RESILIENCY),
                policy.signIn(signedOut, shorter, OUTAGE.plusSeconds(1)));
    }

    @Test
    @DisplayName("A pool never paired with a backup pool keeps its users out after the timer: there is nowhere to go")
    void downPoolWithoutBackupPoolStaysUnavailable() {
        HomePoolView unpaired = new HomePoolView(HOME, PoolState.DOWN, null, OUTAGE, TIMER_SECONDS);

        assertEquals(
                SignInDecision.refused(Refusal.POOL_UNAVAILABLE),
                policy.signIn(signedOut, unpaired, DEADLINE.plusSeconds(1)));
    }

    static Stream<Arguments> newSessionsBeforeFailoverCompletes() {
        return Stream.of(PoolState.DOWN, PoolState.FAILING_OVER)
                .flatMap(state -> Stream.of(
                        Arguments.of(state, ClientRequest.START_P2P),
                        Arguments.of(state, ClientRequest.JOIN_CONFERENCE)));
    }

    @ParameterizedTest(name = "home pool {0}, {1}")
    @MethodSource("newSessionsBeforeFailoverCompletes")
    @DisplayName(
            "\"... they will be in Resiliency mode until failover is complete. Only then the user is able to establish"
                    + " new sessions or re-establish previous sessions.\"")
    void noNewSessionsBeforeFailoverCompletes(PoolState state, ClientRequest request) {
        UserView inResiliency = affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.RESILIENCY);

        assertEquals(Optional.of(Refusal.RESILIENCY_MODE), policy.check(request, inResiliency, home(state)));
    }

    @Test
    @DisplayName("\"After the failover is complete, all users can get all services from the backup pool.\"")
    void signInAfterFailoverCompletesIsRegularModeOnBackupPool() {
        HomePoolView failedOver = home(PoolState.FAILED_OVER);
        UserView onBackup = affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.REGULAR);

        assertEquals(
                SignInDecision.accepted(BACKUP, RegistrationMode.REGULAR),
                policy.signIn(affectedSignedOut(FailbackStatus.ON_BACKUP), failedOver, DEADLINE.plusSeconds(3600)));
        for (ClientRequest request : ClientRequest.values()) {
            assertEquals(Optional.empty(), policy.check(request, onBackup, failedOver), request.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientRequest.class,
            names = {"ADD_CONTACT", "VIEW_CONTACTS", "SCHEDULE_MEETING", "MODIFY_MEETING", "CREATE_AD_HOC_CONFERENCE"})
    @DisplayName("\"In Resiliency mode, users are unable to perform tasks that would cause a persistent change on Lync"
            + " Server, such as adding a contact.\"")
    void addingAContactIsRefusedInResiliencyMode(ClientRequest request) {
        UserView inResiliency = affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.RESILIENCY);

        assertEquals(
                Optional.of(Refusal.RESILIENCY_MODE),
                policy.check(request, inResiliency, home(PoolState.FAILING_OVER)));
    }

    @ParameterizedTest(name = "home pool {0}")
    @EnumSource(
            value = PoolState.class,
            names = {"DOWN", "FAILING_OVER", "FAILING_BACK"})
    @DisplayName("Setting one's presence is no persistent change on the server: allowed in resiliency mode")
    void presenceCanBeSetInResiliencyMode(PoolState state) {
        UserView inResiliency = affectedSignedIn(FailbackStatus.ON_BACKUP, BACKUP, RegistrationMode.RESILIENCY);

        assertEquals(Optional.empty(), policy.check(ClientRequest.SET_PRESENCE, inResiliency, home(state)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ClientRequest.class)
    @DisplayName(
            "\"When a user is in a pool that fails, the user is logged out\": a signed-out user's requests are refused")
    void signedOutUserRequestsAreRefusedNotSignedIn(ClientRequest request) {
        assertEquals(Optional.of(Refusal.NOT_SIGNED_IN), policy.check(request, signedOut, home(PoolState.DOWN)));
        assertEquals(Optional.of(Refusal.NOT_SIGNED_IN), policy.check(request, signedOut, home(PoolState.NORMAL)));
    }

    @Test
    @DisplayName("\"Users are not rehomed during failover or failback. Users who are homed on a pool that fails will be"
            + " temporarily serviced by the backup pool.\"")
    void usersAreServedByBackupPoolWithoutBeingRehomed() {
        UserView user = affectedSignedOut(FailbackStatus.ON_BACKUP);

        assertEquals(
                BACKUP,
                policy.signIn(user, home(PoolState.FAILED_OVER), DEADLINE).servingPool());
        assertEquals(
                HOME,
                policy.signIn(user, home(PoolState.FAILING_BACK), DEADLINE).servingPool());
    }
}
