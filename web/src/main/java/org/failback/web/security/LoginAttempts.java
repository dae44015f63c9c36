package org.failback.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Failed logins per (source address, account), in memory. The first {@link #FREE_FAILURES} failures cost nothing;
 * after that each attempt has to wait twice as long as the one before (1 s, 2 s, 4 s … at most {@link #MAX_WAIT}),
 * and one sooner is refused without checking the password. A success clears the pair. So an attacker slows only
 * their own guesses: the same account from another address, the operator included, signs in as always, and no
 * number of wrong passwords turns into a lock of the account itself.
 */
public final class LoginAttempts {

    public static final int FREE_FAILURES = 5;
    public static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    private static final int MAX_PAIRS = 10_000;

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_PAIRS;
        }
    };

    /** How long this pair must still wait before its next attempt is checked; zero when it may try now. */
    public synchronized Duration waitBefore(String source, String account, Instant now) {
        Failures seen = failures.get(key(source, account));
        if (seen == null || seen.count() < FREE_FAILURES) {
            return Duration.ZERO;
        }
        if (seen.last().plus(FORGET_AFTER).isBefore(now)) {
            failures.remove(key(source, account));
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, seen.last().plus(delayAfter(seen.count())));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a failure; returns how many in a row this pair has now. */
    public synchronized int failed(String source, String account, Instant now) {
        String key = key(source, account);
        Failures seen = failures.get(key);
        int count = seen == null || seen.last().plus(FORGET_AFTER).isBefore(now) ? 1 : seen.count() + 1;
        failures.put(key, new Failures(count, now));
        return count;
    }

    public synchronized void succeeded(String source, String account) {
        failures.remove(key(source, account));
    }

    static Duration delayAfter(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : delay;
    }

    private static String key(String source, String account) {
        return source + "\n" + account.toLowerCase(Locale.ROOT);
    }
}
