package org.failback.domain.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.EnumSet;
import java.util.Set;
import org.failback.domain.pool.PoolState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 000, "after failback completion": a pool-level event, so the failback stores it once, as the pool leaving
 * FAILING_BACK, and each user keeps the one write of their move home (issue 19 item 2).
 */
class FailbackCompletionIsThePoolsTest {

    private static final Registration MOVED_SIGNED_IN =
            new Registration(7, 1, FailbackStatus.MOVED, true, 1, RegistrationMode.RESILIENCY);
    private static final Registration MOVED_SIGNED_OUT =
            new Registration(8, 1, FailbackStatus.MOVED, false, null, null);

    @Test
    @DisplayName("During failback: \"sign back in to the original home pool, in Resiliency mode\": MOVED stays MOVED")
    void duringFailbackAUserMovedHomeIsMovedAndInResiliencyMode() {
        assertSame(MOVED_SIGNED_IN, MOVED_SIGNED_IN.seenWhile(PoolState.FAILING_BACK));
        assertEquals(FailbackStatus.MOVED, FailbackStatus.MOVED.seenWhile(PoolState.FAILING_BACK));
    }

    @Test
    @DisplayName("After failback completion: \"User remains signed in and goes into regular mode\", without a write")
    void afterFailbackCompletionUserRemainsSignedInAndGoesIntoRegularMode() {
        assertEquals(
                new Registration(7, 1, FailbackStatus.DONE, true, 1, RegistrationMode.REGULAR),
                MOVED_SIGNED_IN.seenWhile(PoolState.NORMAL));
        assertEquals(
                new Registration(8, 1, FailbackStatus.DONE, false, null, null),
                MOVED_SIGNED_OUT.seenWhile(PoolState.NORMAL));
    }

    @ParameterizedTest
    @EnumSource(
            value = PoolState.class,
            names = {"NORMAL", "DOWN", "FAILING_OVER", "FAILED_OVER"})
    void onlyFailingBackShowsMovedEveryLaterStateOfThePoolKnowsTheFailbackCompleted(PoolState state) {
        // Only completeFailback leaves FAILING_BACK; a later outage or failover does not undo that completion.
        assertEquals(FailbackStatus.DONE, FailbackStatus.MOVED.seenWhile(state));
    }

    @ParameterizedTest
    @EnumSource(
            value = FailbackStatus.class,
            names = {"NOT_AFFECTED", "ON_BACKUP", "DONE", "FAILED"})
    void everyOtherStatusIsSeenAsStored(FailbackStatus stored) {
        for (PoolState state : PoolState.values()) {
            assertEquals(stored, stored.seenWhile(state), state.name());
        }
    }

    @Test
    void aStatusFilterReadsTheStoredStatusesThatAreSeenAsIt() {
        assertEquals(
                EnumSet.of(FailbackStatus.MOVED, FailbackStatus.DONE),
                FailbackStatus.DONE.storedWhile(PoolState.NORMAL));
        assertEquals(Set.of(), FailbackStatus.MOVED.storedWhile(PoolState.NORMAL));
        assertEquals(Set.of(FailbackStatus.MOVED), FailbackStatus.MOVED.storedWhile(PoolState.FAILING_BACK));
        assertEquals(Set.of(FailbackStatus.DONE), FailbackStatus.DONE.storedWhile(PoolState.FAILING_BACK));
    }
}
