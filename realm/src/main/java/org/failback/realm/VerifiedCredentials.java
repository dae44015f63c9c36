package org.failback.realm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords verified against their PBKDF2 digest in the last {@link #ttl}, so that a client sending BASIC on every
 * request pays the 10,000 iterations once per account and TTL instead of once per request (the iterations bounded
 * every authenticated call at ~200/s on two cores).
 *
 * <p>What is kept: per account, the stored digest the password was verified against and an HMAC-SHA-256 of the
 * password under a random key that exists only in this process's memory, never the password itself, and nothing on
 * disk: a stolen database or backup is exactly as hard to attack as before. A presented password is accepted from
 * here only if its HMAC matches (constant-time) and the account's stored digest is still the one it was verified
 * against: a rotated password (new salt, new digest) or a removed account is refused on the very next request, on
 * every node, without any message between them. Only successes are kept, so a wrong password always takes the full
 * verification path with its throttling, and nobody can fill the cache with accounts that do not exist.
 */
final class VerifiedCredentials {

    private record Verified(String digest, byte[] proof, long expiresAt) {}

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration ttl;
    private final LongSupplier nanoClock;

    VerifiedCredentials(Duration ttl, LongSupplier nanoClock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
        this.nanoClock = nanoClock;
    }

    /** Whether {@code password} was verified for {@code account} against {@code storedDigest} within the TTL. */
    boolean recentlyVerified(String account, String storedDigest, char[] password) {
        Verified entry = verified.get(account);
        if (entry == null || !entry.digest().equals(storedDigest) || nanoClock.getAsLong() - entry.expiresAt() >= 0) {
            return false;
        }
        return MessageDigest.isEqual(entry.proof(), proof(account, password));
    }

    /** Records a successful full verification. */
    void verified(String account, String storedDigest, char[] password) {
        if (ttl.isZero()) {
            return;
        }
        long now = nanoClock.getAsLong();
        verified.values().removeIf(e -> now - e.expiresAt() >= 0);
        verified.put(account, new Verified(storedDigest, proof(account, password), now + ttl.toNanos()));
    }

    private byte[] proof(String account, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(account.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
