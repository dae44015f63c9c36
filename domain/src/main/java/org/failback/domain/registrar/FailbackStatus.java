package org.failback.domain.registrar;

/**
 * Where one user stands in the failover/failback of their home pool.
 * ON_BACKUP from the moment failover starts, MOVED once served by the home pool again (resiliency mode),
 * DONE once failback completed for the pool.
 */
public enum FailbackStatus {
    NOT_AFFECTED,
    ON_BACKUP,
    MOVED,
    DONE,
    FAILED
}
