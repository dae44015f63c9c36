package org.failback.domain.pool;

/** Lifecycle of a Front End pool (seed 000): an outage, then failover to the backup pool, then failback. */
public enum PoolState {
    NORMAL,
    DOWN,
    FAILING_OVER,
    FAILED_OVER,
    FAILING_BACK
}
