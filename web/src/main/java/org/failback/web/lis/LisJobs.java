package org.failback.web.lis;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Properties;
import org.failback.domain.pool.PoolName;
import org.failback.web.api.ApiException;

/** Starts the LIS jobs; refuses a second backup of a pool while one runs (409 JOB_RUNNING). */
@ApplicationScoped
public class LisJobs {

    public static final String BACKUP_JOB = "lis-backup";
    public static final String RESTORE_JOB = "lis-restore";

    public synchronized long startBackup(PoolName pool) {
        refuseWhileRunning(BACKUP_JOB, "pool", pool);
        Properties parameters = new Properties();
        parameters.setProperty("pool", pool.value());
        return operator().start(BACKUP_JOB, parameters);
    }

    /** Restores {@code from}'s latest verified LIS backup merged into {@code into}'s LIS database. */
    public synchronized long startRestore(PoolName from, PoolName into) {
        refuseWhileRunning(RESTORE_JOB, "backupPool", into);
        Properties parameters = new Properties();
        parameters.setProperty("pool", from.value());
        parameters.setProperty("backupPool", into.value());
        return operator().start(RESTORE_JOB, parameters);
    }

    public boolean backupRunning(PoolName pool) {
        return !running(BACKUP_JOB, "pool", pool).isEmpty();
    }

    private void refuseWhileRunning(String job, String parameter, PoolName pool) {
        List<Long> running = running(job, parameter, pool);
        if (!running.isEmpty()) {
            throw new ApiException(409, "JOB_RUNNING", job + " for pool " + pool + " is already running (execution " + running.get(0) + ")");
        }
    }

    private List<Long> running(String job, String parameter, PoolName pool) {
        JobOperator operator = operator();
        try {
            return operator.getRunningExecutions(job).stream()
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
