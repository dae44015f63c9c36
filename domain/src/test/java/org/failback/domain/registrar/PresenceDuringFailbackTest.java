package org.failback.domain.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.Site;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The registrar keeps what other pools see of an affected user during failback: the state set before it began. */
@DisplayName("Seed 000: presence kept for other pools during failback")
class PresenceDuringFailbackTest {

    private static final Instant T = Instant.parse("2024-05-02T09:00:00Z");

    private final RegistrarUser user = new RegistrarUser(
            1,
            SipUri.of("sip:user00001@fe-a.example.com"),
            new FrontEndPool(1, PoolName.of("fe-a"), new Site(1, PoolName.of("dc-a"))),
            ClientVersion.LYNC_2013,
            T);

    @Test
    @DisplayName("Changes during the failback keep the state set before it, from the first change on")
    void changesDuringFailbackKeepTheStateSetBeforeTheFailback() {
        user.setPresence(PresenceState.BUSY, false, T);
        user.setPresence(PresenceState.AWAY, true, T.plusSeconds(1));
        user.setPresence(PresenceState.DO_NOT_DISTURB, true, T.plusSeconds(2));
        assertEquals(PresenceState.DO_NOT_DISTURB, user.getPresenceSet());
        assertEquals(PresenceState.BUSY, user.getPresenceBeforeFailback());
    }

    @Test
    @DisplayName("A change outside a failback lets the kept state go: everyone sees the latest")
    void aChangeOutsideAFailbackLetsTheKeptStateGo() {
        user.setPresence(PresenceState.BUSY, false, T);
        user.setPresence(PresenceState.AWAY, true, T.plusSeconds(1));
        user.setPresence(PresenceState.AVAILABLE, false, T.plusSeconds(2));
        assertNull(user.getPresenceBeforeFailback());
        assertEquals(PresenceState.AVAILABLE, user.getPresenceSet());
    }
}
