package org.failback.batch.infrastructure.jobs;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Keeps this node's pool locks (Front End and Persistent Chat) alive while its jobs run; a node that dies stops
 * renewing and its leases run out.
 */
@Singleton
public class LeaseRenewal {

    @Inject
    PoolJobLock locks;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void renew() {
        locks.renewLeases();
    }
}
