package org.failback.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.failback.batch.infrastructure.security.FailedLoginLog;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void fiveFailuresAreFreeThenEachAttemptWaitsTwiceAsLong() {
        LoginAttempts attempts = new LoginAttempts();
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, attempts.waitBefore("203.0.113.7", "operator", T0));
            attempts.failed("203.0.113.7", "operator", T0);
        }
        assertEquals(Duration.ofSeconds(1), attempts.waitBefore("203.0.113.7", "operator", T0));
        attempts.failed("203.0.113.7", "operator", T0.plusSeconds(1));
        assertEquals(Duration.ofSeconds(2), attempts.waitBefore("203.0.113.7", "operator", T0.plusSeconds(1)));
        assertEquals(LoginAttempts.MAX_WAIT, LoginAttempts.delayAfter(40));
    }

    @Test
    void theSameAccountFromAnotherAddressIsNotSlowedAndASuccessClearsThePair() {
        LoginAttempts attempts = new LoginAttempts();
        for (int i = 0; i < 20; i++) {
            attempts.failed("203.0.113.7", "operator", T0);
        }
        assertEquals(Duration.ZERO, attempts.waitBefore("198.51.100.1", "operator", T0));
        assertTrue(attempts.waitBefore("203.0.113.7", "OPERATOR", T0).toSeconds() > 0, "account names ignore case");
        attempts.succeeded("203.0.113.7", "operator");
        assertEquals(Duration.ZERO, attempts.waitBefore("203.0.113.7", "operator", T0));
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        ClientAddress addresses = new ClientAddress(Set.of("10.0.0.5", "10.0.0.6"));
        assertEquals("192.0.2.9", addresses.of("192.0.2.9", List.of("198.51.100.1")), "untrusted peer");
        assertEquals("198.51.100.1", addresses.of("10.0.0.5", List.of("1.2.3.4, 198.51.100.1")));
        assertEquals("198.51.100.1", addresses.of("10.0.0.5", List.of("198.51.100.1, 10.0.0.6")), "proxy chain");
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", List.of("not an address")));
    }

    @Test
    void accountNamesAreShownWithoutLineBreaks() {
        assertEquals("a??b", FailedLoginLog.printable("a\r\nb"));
    }
}
