package org.failback.testhooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLTransientException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults the tests chose: a lasting fault fails a user's transition, a transient one fails the database write of
 * the chunk holding the user a given number of times. Read by the decorators of this test library, which exists only
 * in the test EAR.
 */
@ApplicationScoped
public class FaultInjection {

    private final Set<String> failingUsers = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> transientFailures = new ConcurrentHashMap<>();

    public void failFor(String sip) {
        failingUsers.add(sip);
    }

    /** The next {@code times} writes of a chunk holding this user fail as a lock timeout would. */
    public void failTransientlyFor(String sip, int times) {
        transientFailures.put(sip, times);
    }

    public void clear() {
        failingUsers.clear();
        transientFailures.clear();
    }

    public boolean shouldFail(String sip) {
        return !failingUsers.isEmpty() && failingUsers.contains(sip);
    }

    /** Throws for the first of these users that still has a transient failure to go, and counts it down. */
    public void failTransiently(Collection<String> sips) throws SQLTransientException {
        if (transientFailures.isEmpty()) {
            return;
        }
        synchronized (transientFailures) {
            for (String sip : sips) {
                Integer left = transientFailures.get(sip);
                if (left != null) {
                    if (left > 1) {
                        transientFailures.put(sip, left - 1);
                    } else {
                        transientFailures.remove(sip);
                    }
                    throw new SQLTransientException("injected transient fault writing " + sip);
                }
            }
        }
    }
}
