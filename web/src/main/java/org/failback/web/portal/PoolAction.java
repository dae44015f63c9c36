package org.failback.web.portal;

import org.failback.domain.pool.FrontEndPool;

/** What an operator can do to a Front End pool from its page, when it is allowed, and what it will do. */
public enum PoolAction {
    OUTAGE(
            "Declare outage",
            "The pool is declared down: users signed in to it are signed out, their peer-to-peer sessions and the"
                    + " conferences they organise are terminated, and the resiliency timer starts."),
    RECOVER("Recover", "The pool came back before failover: it returns to NORMAL and its users sign in to it again."),
    FAILOVER(
            "Fail over",
            "The pool's users are served by the backup pool, and its latest LIS backup is restored there."),
    REPAIR("Mark repaired", "The home pool is restored and can take its users back: failback becomes possible."),
    FAILBACK(
            "Fail back",
            "The pool's users are moved home from the backup pool; the pool returns to NORMAL when all are DONE.");

    private final String title;
    private final String description;

    PoolAction(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    /** Failover and failback are jobs and have a dry-run plan; the others change the pool state at once. */
    public boolean isJob() {
        return this == FAILOVER || this == FAILBACK;
    }

    /** The domain's start rule of each transition; a repaired pool hides the no-op repair. */
    public boolean allowedFor(FrontEndPool pool) {
        return switch (this) {
            case OUTAGE -> pool.canHaveOutage();
            case RECOVER -> pool.canRecover();
            case FAILOVER -> pool.canBeginFailover();
            case REPAIR -> pool.canRepair() && !pool.isRepaired();
            case FAILBACK -> pool.canBeginFailback();
        };
    }

    public String getId() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
