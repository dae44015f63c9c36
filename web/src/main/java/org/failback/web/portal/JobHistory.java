package org.failback.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.failback.batch.application.jobs.JobView;
import org.failback.batch.application.pool.SiteRecoveryPlans;
import org.failback.batch.application.pool.SiteRecoveryPlans.PlanView;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolService;

/**
 * The run history page: every job run, filtered by pool and status, exportable as CSV; above them the site recovery
 * plans, each one run with a row per pool (its pools' jobs are also among the runs).
 */
@Named
@ViewScoped
public class JobHistory implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SITE_PLANS = 20;

    @Inject
    RunHistory history;

    @Inject
    PoolService pools;

    @Inject
    SiteRecoveryPlans plans;

    private String pool;
    private String status;
    private transient List<JobView> runs;
    private transient List<String> poolNames;
    private transient List<PlanView> sitePlans;

    public void search() {
        runs = history.runs(pool, status, RunHistory.PAGE_LIMIT);
        sitePlans = null;
    }

    /** The newest site plans; with a pool chosen, those that had that pool; with a status, those that ended so. */
    public List<PlanView> getSitePlans() {
        if (sitePlans == null) {
            sitePlans = plans.history(SITE_PLANS).stream()
                    .filter(p -> blank(pool)
                            || p.pools().stream().anyMatch(row -> row.pool().equals(pool.trim())))
                    .filter(p -> blank(status) || p.status().equals(status.trim()))
                    .toList();
        }
        return sitePlans;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public List<JobView> getRuns() {
        if (runs == null) {
            search();
        }
        return runs;
    }

    public List<String> getPoolNames() {
        if (poolNames == null) {
            poolNames = pools.pools().stream().map(FrontEndPool::getName).toList();
        }
        return poolNames;
    }

    public List<String> getStatuses() {
        return RunHistory.STATUSES;
    }

    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
