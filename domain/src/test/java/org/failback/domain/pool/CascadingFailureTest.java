package org.failback.domain.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pool A failed over to B, then B fails too (a real event): nothing is left to serve B's users from A, so failing B
 * over is refused and changes nothing; failing A back (repaired) stays the way home for A's users.
 */
@DisplayName("Cascading failure: a backup pool that fails while serving")
class CascadingFailureTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private final FrontEndPool a = new FrontEndPool(1, PoolName.of("fe-a"), new Site(1, PoolName.of("dc-a")));
    private final FrontEndPool b = new FrontEndPool(2, PoolName.of("fe-b"), new Site(2, PoolName.of("dc-b")));

    CascadingFailureTest() {
        a.pairWith(b);
        b.pairWith(a);
    }

    private void aFailedOverToB() {
        a.outage(T);
        a.beginFailover();
        a.completeFailover(T.plusSeconds(60));
    }

    @Test
    @DisplayName("B can have an outage while A is failed over to it")
    void theBackupPoolCanHaveAnOutageWhileServingAFailedOverPool() {
        aFailedOverToB();
        b.outage(T.plusSeconds(120));
        assertEquals(PoolState.DOWN, b.getState());
    }

    @Test
    @DisplayName("Failing B over to A while A is failed over to B is refused, naming A's state, and changes nothing")
    void failingOverIntoAPoolThatIsItselfFailedOverIsRefusedNamingItsState() {
        aFailedOverToB();
        b.outage(T.plusSeconds(120));
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class, b::beginFailover);
        assertTrue(refused.getMessage().contains("fe-a is FAILED_OVER"), refused.getMessage());
        assertEquals(PoolState.DOWN, b.getState());
        assertEquals(PoolState.FAILED_OVER, a.getState());
    }

    @Test
    @DisplayName("Failing over into a backup pool that is DOWN or FAILING_OVER is refused the same way")
    void failingOverIntoADownOrFailingOverPoolIsRefused() {
        a.outage(T);
        b.outage(T);
        IllegalTransitionException down = assertThrows(IllegalTransitionException.class, a::beginFailover);
        assertTrue(down.getMessage().contains("fe-b is DOWN"), down.getMessage());
        b.recover();
        a.beginFailover();
        b.outage(T.plusSeconds(5));
        IllegalTransitionException failingOver = assertThrows(IllegalTransitionException.class, b::beginFailover);
        assertTrue(failingOver.getMessage().contains("fe-a is FAILING_OVER"), failingOver.getMessage());
    }

    @Test
    @DisplayName("Failback of A (repaired) while B is down stays allowed: it is the way home for A's users")
    void failbackOfTheFailedOverPoolWhileItsBackupIsDownIsAllowed() {
        aFailedOverToB();
        b.outage(T.plusSeconds(120));
        a.repair();
        a.beginFailback();
        assertEquals(PoolState.FAILING_BACK, a.getState());
        a.completeFailback(T.plusSeconds(300));
        assertEquals(PoolState.NORMAL, a.getState());
        assertEquals(PoolState.DOWN, b.getState());
    }
}
