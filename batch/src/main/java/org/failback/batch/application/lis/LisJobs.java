package org.failback.batch.application.lis;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.failback.batch.application.jobs.LockedJobStarts;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.jobs.JobRunningException;
import org.failback.batch.infrastructure.jobs.JobRuns;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;

/**
 * Starts the LIS jobs. A second backup of a pool while one runs → 409 JOB_RUNNING. A restore changes the target
 * pool's LIS database, as failover does, so it takes the pool locks in the database: refused (409 JOB_RUNNING) while
 * a failover, failback or another restore involves that pool, on any node. Backups only read and take no lock, so
 * the schedule keeps running through a long failover.
 */
@ApplicationScoped
public class LisJobs {

    @Inject
    JobRuns runs;

    @Inject
    JobLog log;

    @Inject
    LockedJobStarts lockedStarts;

    @Inject
    PoolService pools;

    public synchronized long startBackup(PoolName pool, String startedBy) {
        refuseWhileRunning(PoolJob.LIS_BACKUP, "pool", pool);
        Properties parameters = new Properties();
        parameters.setProperty("pool", pool.value());
        return started(
                operator().start(PoolJob.LIS_BACKUP.jobName(), parameters),
                PoolJob.LIS_BACKUP,
                pool,
                startedBy,
                "of pool " + pool);
    }

    /** Restores {@code from}'s latest verified LIS backup merged into {@code into}'s LIS database. */
    public synchronized long startRestore(PoolName from, PoolName into, String startedBy) {
        Properties parameters = new Properties();
        parameters.setProperty("pool", from.value());
        parameters.setProperty("backupPool", into.value());
        return started(
                lockedStarts.startLocked(PoolJob.LIS_RESTORE, pools.pool(into), parameters),
                PoolJob.LIS_RESTORE,
                into,
                startedBy,
                "of pool " + from + " into " + into);
    }

    /** Recorded like every product job, so it shows in GET /api/jobs with its log. */
    private long started(long executionId, PoolJob job, PoolName pool, String startedBy, String what) {
        runs.record(new JobRuns.Run(executionId, job.jobName(), pool.value(), startedBy, null, 0, Instant.now()));
        log.log(executionId, null, startedBy + " started " + job + " " + what);
        return executionId;
    }

    public boolean backupRunning(PoolName pool) {
        return !running(PoolJob.LIS_BACKUP, "pool", pool).isEmpty();
    }

    private void refuseWhileRunning(PoolJob job, String parameter, PoolName pool) {
        List<Long> running = running(job, parameter, pool);
        if (!running.isEmpty()) {
            throw new JobRunningException(
                    job + " for pool " + pool + " is already running (execution " + running.get(0) + ")");
        }
    }

    private List<Long> running(PoolJob job, String parameter, PoolName pool) {
        JobOperator operator = operator();
        try {
            return operator.getRunningExecutions(job.jobName()).stream()
                    .filter(id -> pool.value().equals(operator.getParameters(id).getProperty(parameter)))
                    .toList();
        } catch (NoSuchJobException e) {
            return List.of();
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
