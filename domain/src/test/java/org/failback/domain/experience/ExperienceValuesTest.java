package org.failback.domain.experience;

import static org.failback.domain.experience.Seed000Topology.AFFECTED;
import static org.failback.domain.experience.Seed000Topology.BACKUP;
import static org.failback.domain.experience.Seed000Topology.HOME;
import static org.failback.domain.experience.Seed000Topology.OUTAGE;
import static org.failback.domain.experience.Seed000Topology.doneRegular;
import static org.failback.domain.experience.Seed000Topology.home;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The error codes of the API and the invariants of the views the policy is given. */
@DisplayName("Experience policy values")
class ExperienceValuesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "POOL_UNAVAILABLE, 503",
        "CLIENT_NOT_SUPPORTED, 503",
        "RESILIENCY_MODE, 409",
        "NOT_SIGNED_IN, 409",
        "REJOIN_NOT_ALLOWED, 409"
    })
    @DisplayName("Each refusal carries the API's code and HTTP status")
    void refusalCarriesApiCodeAndStatus(Refusal refusal, int status) {
        assertEquals(status, refusal.httpStatus());
        assertEquals(refusal.name(), refusal.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Refusal.class)
    @DisplayName("A refusal's message names the user and fills every placeholder")
    void refusalMessageFillsItsTemplate(Refusal refusal) {
        String message = refusal.message(AFFECTED, HOME);

        assertTrue(message.contains(AFFECTED.value()), message);
        assertFalse(message.contains("{"), message);
    }

    @Test
    @DisplayName("A sign-in decision is either refused or accepted by a pool in a mode")
    void signInDecisionIsRefusedOrAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new SignInDecision(null, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SignInDecision(Refusal.POOL_UNAVAILABLE, HOME, RegistrationMode.REGULAR));
        assertThrows(IllegalArgumentException.class, () -> new SignInDecision(null, HOME, null));
        assertFalse(SignInDecision.refused(Refusal.NOT_SIGNED_IN).isAccepted());
        assertTrue(SignInDecision.accepted(HOME, RegistrationMode.REGULAR).isAccepted());
    }

    @Test
    @DisplayName("A signed-in user has a serving pool and a mode, a signed-out one neither")
    void userViewIsConsistent() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new UserView(
                        AFFECTED, HOME, FailbackStatus.NOT_AFFECTED, true, null, null, ClientVersion.LYNC_2013));
        assertThrows(
                IllegalArgumentException.class,
                () -> new UserView(
                        AFFECTED,
                        HOME,
                        FailbackStatus.NOT_AFFECTED,
                        false,
                        HOME,
                        RegistrationMode.REGULAR,
                        ClientVersion.LYNC_2013));
        assertEquals(
                ClientVersion.OC_2007_R2,
                doneRegular().signingInWith(ClientVersion.OC_2007_R2).clientVersion());
    }

    @Test
    @DisplayName("A home pool view refuses impossible pools and gives the sign-in deadline only while DOWN")
    void homePoolViewIsConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new HomePoolView(HOME, PoolState.DOWN, BACKUP, null, 120));
        assertThrows(IllegalArgumentException.class, () -> new HomePoolView(HOME, PoolState.NORMAL, HOME, null, 120));
        assertThrows(
                IllegalArgumentException.class, () -> new HomePoolView(HOME, PoolState.FAILED_OVER, null, OUTAGE, 120));
        assertThrows(IllegalArgumentException.class, () -> new HomePoolView(HOME, PoolState.NORMAL, BACKUP, null, 0));
        assertEquals(
                OUTAGE.plusSeconds(120), new HomePoolView(HOME, PoolState.DOWN, BACKUP, OUTAGE, 120).signInDeadline());
        assertNull(home(PoolState.FAILING_OVER).signInDeadline());
    }

    @Test
    @DisplayName("UNKNOWN is what others see, never a state a user sets")
    void unknownIsNeverALastSetState() {
        ExperiencePolicy policy = new ExperiencePolicy();

        assertThrows(
                IllegalArgumentException.class,
                () -> policy.presenceSeenBy(
                        doneRegular(), PresenceState.UNKNOWN, null, home(PoolState.NORMAL), BACKUP));
    }

    @Test
    @DisplayName("A signed-out user shows OFFLINE, live, outside failback")
    void signedOutUserShowsOffline() {
        ExperiencePolicy policy = new ExperiencePolicy();
        UserView signedOut =
                new UserView(AFFECTED, HOME, FailbackStatus.DONE, false, null, null, ClientVersion.LYNC_2013);

        assertEquals(
                new PresenceView(PresenceState.OFFLINE, true),
                policy.presenceSeenBy(signedOut, PresenceState.BUSY, null, home(PoolState.NORMAL), HOME));
        assertEquals(
                new PresenceView(PresenceState.OFFLINE, true),
                policy.presenceSeenBy(signedOut, PresenceState.BUSY, null, home(PoolState.DOWN), BACKUP));
    }
}
