package org.failback.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.failback.batch.application.jobs.ExecutionNotFoundException;
import org.failback.batch.application.jobs.JobView;
import org.failback.batch.application.jobs.JobViews;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.application.pool.PoolJobPlan;
import org.failback.batch.application.pool.PoolJobService;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolNotFoundException;
import org.failback.domain.pool.PoolService;
import org.failback.domain.registrar.PoolUserCounts;
import org.failback.domain.registrar.UserDirectory;

/**
 * One Front End pool: its state and counts (refreshed by a poll), the operator's actions behind a confirmation
 * that shows the dry-run plan of a job first, the resiliency timer, its last job and the per-user table.
 */
@Named
@ViewScoped
public class PoolPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PoolService pools;

    @Inject
    UserDirectory directory;

    @Inject
    MovingPoolCounts counts;

    @Inject
    PoolJobService jobs;

    @Inject
    JobViews jobViews;

    @Inject
    PortalUser user;

    private String name;
    private PoolName poolName;
    private boolean found;
    private PoolUsersModel users;
    private Integer resiliencyTimerSeconds;

    private PoolAction pending;
    private Integer maxUsers;
    private String planError;
    private transient PoolJobPlan plan;
    private transient Snapshot snapshot;

    /** What the page shows of the pool, read once per request. */
    public record Snapshot(
            String name,
            String site,
            String backupPool,
            String state,
            boolean repaired,
            int resiliencyTimerSeconds,
            Instant outageAt,
            Instant failoverCompletedAt,
            Instant failbackCompletedAt,
            PoolUserCounts counts,
            Set<PoolAction> allowed,
            JobView lastJob,
            boolean lisRestorePending,
            String lisRestorePendingReason) {}

    /** f:viewAction on the first request: an unknown or malformed name shows a message instead of the pool. */
    public void open() {
        try {
            poolName = PoolName.of(name == null ? "" : name);
            snapshot = read();
            found = true;
            resiliencyTimerSeconds = snapshot.resiliencyTimerSeconds();
            users = new PoolUsersModel(pools, directory, poolName);
            users.countedAlready(snapshot.counts().homed());
        } catch (IllegalArgumentException | PoolNotFoundException e) {
            found = false;
        }
    }

    public Snapshot getPool() {
        if (snapshot == null && found) {
            snapshot = read();
        }
        return snapshot;
    }

    /** p:poll and every action: the state, counts and last job again. */
    public void refresh() {
        if (found) {
            snapshot = read();
        }
    }

    private Snapshot read() {
        FrontEndPool pool = pools.pool(poolName);
        Set<PoolAction> allowed = EnumSet.noneOf(PoolAction.class);
        for (PoolAction action : PoolAction.values()) {
            if (action.allowedFor(pool)) {
                allowed.add(action);
            }
        }
        JobView last = null;
        if (pool.getLastJobExecutionId() != null) {
            try {
                last = jobViews.view(pool.getLastJobExecutionId());
            } catch (ExecutionNotFoundException e) {
                last = null;
            }
        }
        return new Snapshot(
                pool.getName(),
                pool.getSite().getName(),
                pool.getBackupPool() == null ? null : pool.getBackupPool().getName(),
                pool.getState().name(),
                pool.isRepaired(),
                pool.getResiliencyTimerSeconds(),
                pool.getOutageAt(),
                pool.getFailoverCompletedAt(),
                pool.getFailbackCompletedAt(),
                counts.of(pool),
                allowed,
                last,
                pool.isLisRestorePending(),
                pool.getLisRestorePendingReason());
    }

    public List<PoolAction> getActions() {
        return Arrays.asList(PoolAction.values());
    }

    public boolean allowed(PoolAction action) {
        return getPool() != null && getPool().allowed().contains(action);
    }

    public boolean isLastJobRunning() {
        return getPool() != null
                && getPool().lastJob() != null
                && JobPage.running(getPool().lastJob());
    }

    /** Opens the confirmation of an action; for a job, with its dry-run plan. */
    public void prepare(PoolAction action) {
        user.requireOperator();
        pending = action;
        maxUsers = null;
        plan();
    }

    /** The failback dialog's pilot field changed: plan again with the new limit. */
    public void plan() {
        plan = null;
        planError = null;
        if (pending == null || !pending.isJob()) {
            return;
        }
        try {
            plan = jobs.plan(
                    pending == PoolAction.FAILOVER ? PoolJob.FAILOVER : PoolJob.FAILBACK,
                    poolName,
                    pending == PoolAction.FAILBACK ? maxUsers : null);
        } catch (RuntimeException e) {
            planError = e.getMessage();
        }
    }

    /** Does the confirmed action; a started job opens its live page. */
    public String confirm() {
        user.requireOperator();
        PoolAction action = pending;
        pending = null;
        if (action == null) {
            return null;
        }
        try {
            Long execution = switch (action) {
                case OUTAGE -> run(() -> pools.outage(poolName));
                case RECOVER -> run(() -> pools.recover(poolName));
                case REPAIR -> run(() -> pools.repair(poolName));
                case FAILOVER -> jobs.startFailover(poolName, PoolJobService.Options.DEFAULT, user.getName());
                case FAILBACK ->
                    jobs.startFailback(poolName, new PoolJobService.Options(null, null, maxUsers), user.getName());
            };
            if (execution != null) {
                return "job?faces-redirect=true&id=" + execution;
            }
            Messages.info(action.getTitle() + ": done, pool " + name + " is "
                    + pools.pool(poolName).getState());
        } catch (RuntimeException e) {
            Messages.error(action.getTitle() + " refused: " + e.getMessage());
        }
        refresh();
        return null;
    }

    private static Long run(Runnable change) {
        change.run();
        return null;
    }

    public void saveTimer() {
        user.requireOperator();
        Messages.attempt("Resiliency timer", () -> {
            pools.changeResiliencyTimer(poolName, resiliencyTimerSeconds);
            return "Resiliency timer set to " + resiliencyTimerSeconds + " s";
        });
        refresh();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isFound() {
        return found;
    }

    public PoolUsersModel getUsers() {
        return users;
    }

    public Integer getResiliencyTimerSeconds() {
        return resiliencyTimerSeconds;
    }

    public void setResiliencyTimerSeconds(Integer resiliencyTimerSeconds) {
        this.resiliencyTimerSeconds = resiliencyTimerSeconds;
    }

    public PoolAction getPending() {
        return pending;
    }

    public Integer getMaxUsers() {
        return maxUsers;
    }

    public void setMaxUsers(Integer maxUsers) {
        this.maxUsers = maxUsers;
    }

    public PoolJobPlan getPlan() {
        return plan;
    }

    public String getPlanError() {
        return planError;
    }
}
