package org.failback.domain.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A Front End pool paired with a backup pool in another site, and its disaster-recovery state machine:
 * {@code NORMAL → DOWN → FAILING_OVER → FAILED_OVER → FAILING_BACK → NORMAL}, plus {@code DOWN → NORMAL}
 * when the pool comes back before failover. Every method refuses an illegal transition and changes nothing then.
 * The {@code begin…} methods also accept the state they lead to, so a stopped job can be started again.
 */
@Entity
@Table(name = "fe_pool")
public class FrontEndPool {

    public static final int MIN_RESILIENCY_TIMER_SECONDS = 1;
    public static final int MAX_RESILIENCY_TIMER_SECONDS = 86_400;

    @Id
    private Integer id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_id")
    private Site site;

    @ManyToOne
    @JoinColumn(name = "backup_pool_id")
    private FrontEndPool backupPool;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PoolState state = PoolState.NORMAL;

    @Column(nullable = false)
    private boolean repaired;

    @Column(name = "resiliency_timer_seconds", nullable = false)
    private int resiliencyTimerSeconds = 120;

    @Column(name = "outage_at")
    private Instant outageAt;

    @Column(name = "failover_completed_at")
    private Instant failoverCompletedAt;

    @Column(name = "failback_completed_at")
    private Instant failbackCompletedAt;

    /** Written by the LIS steps over JDBC (failover leaves it, a restore clears it), never by this entity. */
    @Column(name = "lis_restore_pending", nullable = false, insertable = false, updatable = false)
    private boolean lisRestorePending;

    @Column(name = "lis_restore_pending_reason", length = 512, insertable = false, updatable = false)
    private String lisRestorePendingReason;

    @Column(name = "last_job_execution_id")
    private Long lastJobExecutionId;

    @Version
    private long version;

    protected FrontEndPool() {}

    public FrontEndPool(int id, PoolName name, Site site) {
        this.id = id;
        this.name = name.value();
        this.site = site;
    }

    public void pairWith(FrontEndPool backup) {
        if (backup == this) {
            throw new IllegalArgumentException("pool " + name + " cannot be its own backup pool");
        }
        this.backupPool = backup;
    }

    /** The pool fails: its users are signed out (the registrar does that), the resiliency timer starts. */
    public void outage(Instant now) {
        requireOutagePossible();
        state = PoolState.DOWN;
        outageAt = now;
        repaired = false;
    }

    /** The pool came back before anyone started failover. */
    public void recover() {
        require(canRecover(), RECOVER_RULE);
        state = PoolState.NORMAL;
        outageAt = null;
    }

    public void beginFailover() {
        requireFailoverStartable();
        state = PoolState.FAILING_OVER;
    }

    public void completeFailover(Instant now) {
        require(state == PoolState.FAILING_OVER, "failover can only complete while FAILING_OVER");
        state = PoolState.FAILED_OVER;
        failoverCompletedAt = now;
    }

    /** The home pool is restored and can take its users back. */
    public void repair() {
        require(canRepair(), REPAIR_RULE);
        repaired = true;
    }

    public void beginFailback() {
        requireFailbackStartable();
        state = PoolState.FAILING_BACK;
    }

    public void completeFailback(Instant now) {
        require(state == PoolState.FAILING_BACK, "failback can only complete while FAILING_BACK");
        state = PoolState.NORMAL;
        repaired = false;
        outageAt = null;
        failbackCompletedAt = now;
    }

    /** Allowed in every state; while DOWN the sign-in deadline moves with it (outage time + current value). */
    public void changeResiliencyTimer(int seconds) {
        if (seconds < MIN_RESILIENCY_TIMER_SECONDS || seconds > MAX_RESILIENCY_TIMER_SECONDS) {
            throw new IllegalArgumentException("resiliencyTimerSeconds must be an integer from 1 to 86400");
        }
        resiliencyTimerSeconds = seconds;
    }

    public void recordJob(long jobExecutionId) {
        lastJobExecutionId = jobExecutionId;
    }

    // The one start rule of each transition: the API, the jobs and the portal's buttons all ask these.

    private static final String OUTAGE_RULE = "an outage can only hit a NORMAL pool";
    private static final String RECOVER_RULE = "only a DOWN pool can recover without failover";
    private static final String FAILOVER_RULE = "failover needs a DOWN pool";
    private static final String REPAIR_RULE = "only a FAILED_OVER pool can be marked repaired";
    private static final String FAILBACK_RULE = "failback needs a FAILED_OVER pool that is repaired";

    public boolean canHaveOutage() {
        return state == PoolState.NORMAL;
    }

    public boolean canRecover() {
        return state == PoolState.DOWN;
    }

    /** Also true while FAILING_OVER: a failover that was stopped or abandoned is started again. */
    public boolean canBeginFailover() {
        return state == PoolState.DOWN || state == PoolState.FAILING_OVER;
    }

    public boolean canRepair() {
        return state == PoolState.FAILED_OVER;
    }

    /** Also true while FAILING_BACK: a staged, stopped or abandoned failback is continued. */
    public boolean canBeginFailback() {
        return state == PoolState.FAILING_BACK || (state == PoolState.FAILED_OVER && repaired);
    }

    public void requireOutagePossible() {
        require(canHaveOutage(), OUTAGE_RULE);
    }

    /**
     * Failover needs a DOWN pool (or one whose failover was stopped) and a backup pool that can serve its users: not
     * one that is itself down or failed over into this very pool, a cascading failure no pool is left to serve.
     */
    public void requireFailoverStartable() {
        require(canBeginFailover(), FAILOVER_RULE);
        require(backupPool != null, "pool has no backup pool");
        PoolState backupState = backupPool.getState();
        if (backupState == PoolState.DOWN
                || backupState == PoolState.FAILING_OVER
                || backupState == PoolState.FAILED_OVER) {
            throw new IllegalTransitionException("pool " + name + " cannot be failed over to its backup pool "
                    + backupPool.getName() + ": " + backupPool.getName() + " is " + backupState
                    + (backupState == PoolState.DOWN
                            ? " itself; recover it first"
                            : " (its own users are served by " + backupPool.backupPoolName()
                                    + "); fail it back first"));
        }
    }

    private String backupPoolName() {
        return backupPool == null ? "no pool" : backupPool.getName();
    }

    public void requireFailbackStartable() {
        require(canBeginFailback(), FAILBACK_RULE);
    }

    private void require(boolean allowed, String rule) {
        if (!allowed) {
            throw new IllegalTransitionException(
                    "pool " + name + " is " + state + (repaired ? " (repaired)" : "") + ": " + rule);
        }
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public PoolName poolName() {
        return new PoolName(name);
    }

    /** The pools a job on this pool changes: itself and its backup pool. */
    public List<Integer> involvedPoolIds() {
        return backupPool == null ? List.of(id) : List.of(id, backupPool.getId());
    }

    public Site getSite() {
        return site;
    }

    public FrontEndPool getBackupPool() {
        return backupPool;
    }

    public PoolState getState() {
        return state;
    }

    public boolean isRepaired() {
        return repaired;
    }

    public int getResiliencyTimerSeconds() {
        return resiliencyTimerSeconds;
    }

    public Instant getOutageAt() {
        return outageAt;
    }

    public Instant getFailoverCompletedAt() {
        return failoverCompletedAt;
    }

    public Instant getFailbackCompletedAt() {
        return failbackCompletedAt;
    }

    public boolean isLisRestorePending() {
        return lisRestorePending;
    }

    public String getLisRestorePendingReason() {
        return lisRestorePendingReason;
    }

    public Long getLastJobExecutionId() {
        return lastJobExecutionId;
    }
}
