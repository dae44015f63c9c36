package org.failback.batch.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only switch that makes the per-user step fail for chosen users, so skip, FAILED status and restart can be
 * proven against the real job. Inert unless the server runs with -Dfailback.test-hooks=true.
 */
@ApplicationScoped
public class FaultInjection {

    private final Set<String> failingUsers = ConcurrentHashMap.newKeySet();

    public static boolean enabled() {
        return Boolean.getBoolean("failback.test-hooks");
    }

    public void failFor(String sip) {
        requireEnabled();
        failingUsers.add(sip);
    }

    public void clear() {
        requireEnabled();
        failingUsers.clear();
    }

    public boolean shouldFail(String sip) {
        return !failingUsers.isEmpty() && failingUsers.contains(sip);
    }

    private static void requireEnabled() {
        if (!enabled()) {
            throw new IllegalStateException("test hooks are disabled on this server");
        }
    }
}
