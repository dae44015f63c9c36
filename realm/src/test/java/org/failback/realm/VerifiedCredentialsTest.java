package org.failback.realm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), now::get);

    @Test
    void aVerifiedPasswordCountsForTheSameDigestWithinTheTtl() {
        cache.verified("client", "digest-1", "secret".toCharArray());
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertTrue(cache.recentlyVerified("client", "digest-1", "secret".toCharArray()));
    }

    @Test
    void aRotatedPasswordIsNotTakenFromTheCache() {
        cache.verified("client", "digest-1", "old".toCharArray());
        assertFalse(cache.recentlyVerified("client", "digest-2", "old".toCharArray()));
    }

    @Test
    void anotherPasswordOrAccountIsNotTakenFromTheCache() {
        cache.verified("client", "digest-1", "secret".toCharArray());
        assertFalse(cache.recentlyVerified("client", "digest-1", "secreT".toCharArray()));
        assertFalse(cache.recentlyVerified("viewer", "digest-1", "secret".toCharArray()));
    }

    @Test
    void aVerificationExpiresAfterTheTtl() {
        cache.verified("client", "digest-1", "secret".toCharArray());
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertFalse(cache.recentlyVerified("client", "digest-1", "secret".toCharArray()));
    }

    @Test
    void aZeroTtlKeepsNothing() {
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, now::get);
        off.verified("client", "digest-1", "secret".toCharArray());
        assertFalse(off.recentlyVerified("client", "digest-1", "secret".toCharArray()));
    }
}
