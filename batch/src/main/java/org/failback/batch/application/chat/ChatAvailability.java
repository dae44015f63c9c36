package org.failback.batch.application.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Posts hold a pool's read lock from the availability check to the last write; whatever removes the active servers
 * or the databases under them (outage, clear-active-servers, set-active-servers, end-connections) holds the write
 * lock, so no post that was judged available lands after the list was cleared (a failback backup would miss it).
 * This holds within one server; two nodes serving posts of one pool would need the lock in the product database.
 */
final class ChatAvailability {

    private static final Map<String, ReadWriteLock> LOCKS = new ConcurrentHashMap<>();

    private ChatAvailability() {}

    static ReadWriteLock of(String pool) {
        return LOCKS.computeIfAbsent(pool, p -> new ReentrantReadWriteLock(true));
    }

    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} while no post is in flight on the pool and none starts. */
    static <T> T exclusively(String pool, Work<T> work) throws Exception {
        var lock = of(pool).writeLock();
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
