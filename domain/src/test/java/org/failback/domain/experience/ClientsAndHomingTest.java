package org.failback.domain.experience;

import static org.failback.domain.experience.Seed000Topology.AFFECTED;
import static org.failback.domain.experience.Seed000Topology.BACKUP;
import static org.failback.domain.experience.Seed000Topology.HOME;
import static org.failback.domain.experience.Seed000Topology.OUTAGE;
import static org.failback.domain.experience.Seed000Topology.affectedSignedOut;
import static org.failback.domain.experience.Seed000Topology.backupAsHome;
import static org.failback.domain.experience.Seed000Topology.home;
import static org.failback.domain.experience.Seed000Topology.homedOnBackupSignedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.PresenceState;
import org.failback.domain.registrar.RegistrationMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Seed 000 on clients (OC 2007 R2) and on who is an affected user. */
@DisplayName("Seed 000: clients and affected users")
class ClientsAndHomingTest {

    private static final Instant LONG_AFTER_OUTAGE = OUTAGE.plusSeconds(86_400);

    private final ExperiencePolicy policy = new ExperiencePolicy();

    @ParameterizedTest(name = "home pool {0}")
    @EnumSource(value = PoolState.class, mode = EnumSource.Mode.EXCLUDE, names = "NORMAL")
    @DisplayName("\"Users with Microsoft Office Communicator 2007 R2 clients cannot sign in until the Front End pool is"
            + " completely failed back.\"")
    void oc2007R2CannotSignInUntilPoolCompletelyFailedBack(PoolState state) {
        UserView oc = affectedSignedOut(FailbackStatus.MOVED).signingInWith(ClientVersion.OC_2007_R2);

        SignInDecision decision = policy.signIn(oc, home(state), LONG_AFTER_OUTAGE);

        assertEquals(SignInDecision.refused(Refusal.CLIENT_NOT_SUPPORTED), decision);
        assertEquals(503, decision.refusal().httpStatus());
    }

    @Test
    @DisplayName("OC 2007 R2 signs in again once the pool is completely failed back")
    void oc2007R2SignsInOncePoolCompletelyFailedBack() {
        UserView oc = affectedSignedOut(FailbackStatus.DONE).signingInWith(ClientVersion.OC_2007_R2);

        assertEquals(
                SignInDecision.accepted(HOME, RegistrationMode.REGULAR),
                policy.signIn(oc, home(PoolState.NORMAL), LONG_AFTER_OUTAGE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = ClientVersion.class,
            names = {"LYNC_2013", "LYNC_2010"})
    @DisplayName(
            "\"how a user with a Lync 2013 client or a Microsoft Lync 2010 client is affected during and after failback\"")
    void lyncClientsSignInDuringFailback(ClientVersion client) {
        UserView user = affectedSignedOut(FailbackStatus.ON_BACKUP).signingInWith(client);

        assertEquals(
                SignInDecision.accepted(HOME, RegistrationMode.RESILIENCY),
                policy.signIn(user, home(PoolState.FAILING_BACK), LONG_AFTER_OUTAGE));
    }

    @ParameterizedTest(name = "fe-dc1 {0}")
    @EnumSource(PoolState.class)
    @DisplayName("\"By definition, any user originally homed on the backup pool is not an affected user.\"")
    void userHomedOnBackupPoolIsNeverAffected(PoolState failedPoolState) {
        UserView user = homedOnBackupSignedIn();
        HomePoolView ownHome = backupAsHome();

        assertFalse(policy.isAffected(user, ownHome));
        assertEquals(
                SignInDecision.accepted(BACKUP, RegistrationMode.REGULAR),
                policy.signIn(
                        new UserView(
                                user.sip(),
                                BACKUP,
                                FailbackStatus.NOT_AFFECTED,
                                false,
                                null,
                                null,
                                ClientVersion.OC_2007_R2),
                        ownHome,
                        LONG_AFTER_OUTAGE));
        for (ClientRequest request : ClientRequest.values()) {
            assertEquals(Optional.empty(), policy.check(request, user, ownHome), request.name());
        }
        assertEquals(
                new PresenceView(PresenceState.BUSY, true),
                policy.presenceSeenBy(user, PresenceState.BUSY, null, ownHome, HOME));
        assertThrows(
                IllegalArgumentException.class,
                () -> policy.isAffected(user, home(failedPoolState)),
                "the failed pool is not this user's home pool");
    }

    @ParameterizedTest(name = "fe-dc1 {0}, status {1} -> affected {2}")
    @CsvSource({
        "NORMAL, NOT_AFFECTED, false",
        "NORMAL, DONE, false",
        "DOWN, NOT_AFFECTED, false",
        "DOWN, DONE, false",
        "FAILING_OVER, NOT_AFFECTED, true",
        "FAILING_OVER, ON_BACKUP, true",
        "FAILING_OVER, DONE, true",
        "FAILED_OVER, ON_BACKUP, true",
        "FAILED_OVER, DONE, true",
        "FAILING_BACK, ON_BACKUP, true",
        "FAILING_BACK, MOVED, true",
        "FAILING_BACK, FAILED, true",
        "FAILING_BACK, DONE, false"
    })
    @DisplayName(
            "\"The term affected user refers to any user who was failed over from the home pool and is being serviced"
                    + " by the backup pool.\"")
    void affectedUserIsOneFailedOverAndNotYetFailedBack(PoolState state, FailbackStatus status, boolean affected) {
        assertEquals(affected, policy.isAffected(affectedSignedOut(status), home(state)));
    }

    @Test
    @DisplayName("Signing in while signed in answers the current registration (API)")
    void signingInAgainKeepsTheCurrentRegistration() {
        UserView signedIn = new UserView(
                AFFECTED,
                HOME,
                FailbackStatus.ON_BACKUP,
                true,
                BACKUP,
                RegistrationMode.RESILIENCY,
                ClientVersion.LYNC_2010);

        SignInDecision decision = policy.signIn(signedIn, home(PoolState.FAILING_OVER), LONG_AFTER_OUTAGE);

        assertTrue(decision.isAccepted());
        assertEquals(BACKUP, decision.servingPool());
        assertEquals(RegistrationMode.RESILIENCY, decision.mode());
    }
}
