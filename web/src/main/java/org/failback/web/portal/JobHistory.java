package org.failback.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.failback.batch.application.jobs.JobView;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolService;

/** The run history page: every job run, filtered by pool and status, exportable as CSV. */
@Named
@ViewScoped
public class JobHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RunHistory history;

    @Inject
    PoolService pools;

    private String pool;
    private String status;
    private transient List<JobView> runs;
    private transient List<String> poolNames;

    public void search() {
        runs = history.runs(pool, status, RunHistory.PAGE_LIMIT);
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
