package org.failback.batch.pool;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.failback.batch.jobs.JobLog;
import org.failback.batch.jobs.JobRunningException;
import org.failback.batch.jobs.JobRuns;
import org.failback.batch.jobs.JobViews;
import org.failback.batch.jobs.PoolJobLock;
import org.failback.batch.lis.LisBackupRepository;
import org.failback.batch.lis.StoredBackup;
import org.failback.batch.registrar.PoolUsers;
import org.failback.batch.registrar.UserTransition;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.IllegalTransitionException;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.FailbackStatus;

/**
 * Starts, plans, restarts, stops and abandons the Front End jobs. The pool state and the pool locks change in one
 * transaction before the job is started (outside any transaction, so the job thread sees them committed); a start
 * that fails afterwards gives the locks back.
 */
@ApplicationScoped
public class PoolJobService {

    public static final String FAILOVER = "pool-failover";
    public static final String FAILBACK = "pool-failback";
    /** The statuses of the users a failover serves from the backup pool, and of those a failback moves home. */
    private static final FailbackStatus[] FAILOVER_PENDING = UserTransition.FAIL_OVER.sources();

    private static final FailbackStatus[] FAILBACK_PENDING = UserTransition.MOVE_HOME.sources();
    private static final Set<BatchStatus> RUNNING =
            Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    @Inject
    PoolService pools;

    @Inject
    PoolJobPreparation preparation;

    @Inject
    PoolJobLock locks;

    @Inject
    JobRuns runs;

    @Inject
    JobLog log;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** Optional tuning of a start: partitions and chunk size; maxUsers makes a failback staged. */
    public record Options(Integer partitions, Integer itemCount, Integer maxUsers) {
        public static final Options DEFAULT = new Options(null, null, null);

        public Options {
            check(partitions, 1, 64, "partitions");
            check(itemCount, 1, 100_000, "itemCount");
            check(maxUsers, 1, Integer.MAX_VALUE, "maxUsers");
        }

        private static void check(Integer value, int min, int max, String name) {
            if (value != null && (value < min || value > max)) {
                throw new IllegalArgumentException(name + " must be an integer from " + min + " to " + max);
            }
        }
    }

    public long startFailover(PoolName pool, Options options, String startedBy) {
        return start(FAILOVER, pool, options, startedBy);
    }

    public long startFailback(PoolName pool, Options options, String startedBy) {
        return start(FAILBACK, pool, options, startedBy);
    }

    private long start(String jobName, PoolName poolName, Options options, String startedBy) {
        PoolJobPreparation.Prepared prepared = preparation.prepare(jobName, poolName);
        // Counted before the start: a small job can be moving users before start() returns.
        long items = itemsTotal(jobName, prepared.pool(), options);
        long executionId = startHolding(prepared.poolIds(), jobName, parameters(prepared.pool(), options));
        runs.record(new JobRuns.Run(executionId, jobName, poolName.value(), startedBy, null, items, Instant.now()));
        log.log(
                executionId,
                null,
                startedBy + " started " + jobName + " of pool " + poolName + " (" + items + " items to do)");
        return executionId;
    }

    /**
     * Starts a job that changes {@code pool} (and so must not run beside a failover or failback involving it) under the
     * same database locks as the Front End jobs: a held lock → JobRunningException and nothing started. The job
     * releases them through {@link org.failback.batch.jobs.PoolJobListener} however it ends.
     */
    public long startLocked(String jobName, PoolName poolName, Properties parameters) {
        List<Integer> poolIds = poolIds(pools.pool(poolName));
        locks.acquire(poolIds, jobName, jobName + " of " + poolName);
        return startHolding(poolIds, jobName, parameters);
    }

    /** Starts the job on pools whose locks are taken: the locks pass to the execution, or are let go if it cannot start. */
    private long startHolding(List<Integer> poolIds, String jobName, Properties parameters) {
        long executionId;
        try {
            executionId = operator().start(jobName, parameters);
        } catch (RuntimeException e) {
            locks.release(poolIds);
            throw e;
        }
        locks.assignExecution(poolIds, executionId);
        return executionId;
    }

    public PoolJobPlan plan(String jobName, PoolName poolName, Integer maxUsers) {
        FrontEndPool pool = pools.pool(poolName);
        checkStartable(jobName, pool);
        List<Integer> poolIds = poolIds(pool);
        locks.holders(poolIds).stream().findFirst().ifPresent(holder -> {
            throw new JobRunningException(jobName + " of " + poolName + " refused: job " + holder.jobName()
                    + " is running for a pool it involves");
        });
        boolean failover = FAILOVER.equals(jobName);
        FailbackStatus[] pending = failover ? FAILOVER_PENDING : FAILBACK_PENDING;
        long users = count(c -> PoolUsers.inStatuses(c, pool.getId(), pending));
        long signedIn = count(c -> PoolUsers.signedInInStatuses(c, pool.getId(), pending));
        long conferences = failover ? 0 : pools.conferencesAFailbackWouldTerminate(poolName);
        Optional<StoredBackup> lisBackup = failover ? latestLisBackup(poolName) : Optional.empty();
        List<String> steps = failover
                ? List.of(
                        "begin-failover: pool " + poolName + " → FAILING_OVER (sign-in to "
                                + pool.getBackupPool().getName() + " in resiliency mode)",
                        restoreLisBackupStep(poolName, pool.getBackupPool().getName(), lisBackup),
                        "serve-users-from-backup: " + users + " users served by "
                                + pool.getBackupPool().getName(),
                        "complete-failover: pool → FAILED_OVER, signed-in users leave resiliency mode")
                : List.of(
                        "begin-failback: pool " + poolName + " → FAILING_BACK, " + conferences
                                + " conferences of affected users terminated (rejoin offered)",
                        "move-users-home: " + (maxUsers == null ? users : Math.min(users, maxUsers))
                                + " users moved home (" + signedIn + " signed in: signed out of "
                                + pool.getBackupPool().getName() + ", signed in to " + poolName
                                + " in resiliency mode)",
                        "mark-users-done: every user DONE, regular mode, presence live again",
                        "complete-failback: pool → NORMAL");
        return new PoolJobPlan(
                jobName,
                poolName.value(),
                pool.getBackupPool().getName(),
                pool.getState().name(),
                steps,
                users,
                signedIn,
                conferences,
                maxUsers,
                lisBackup.map(StoredBackup::fileName).orElse(null));
    }

    private Optional<StoredBackup> latestLisBackup(PoolName pool) {
        try (Connection c = dataSource.getConnection()) {
            return new LisBackupRepository(c).latestVerified(pool);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the LIS backups of " + pool + ": " + e.getMessage(), e);
        }
    }

    /** The failover's LIS step as the restore batchlet would run it, or why it would stop there. */
    private static String restoreLisBackupStep(PoolName pool, String backupPool, Optional<StoredBackup> backup) {
        return backup.map(b -> "restore-lis-backup: " + b.fileName() + " (taken " + b.takenAt()
                        + ", SHA-256 checked) merged into the LIS database of " + backupPool
                        + ", which keeps its own locations")
                .orElseGet(() -> "restore-lis-backup: WOULD STOP HERE: pool " + pool
                        + " has no verified LIS backup; take one first with POST /api/lis/" + pool
                        + "/backups (a failover stopped here continues when restarted after one is taken)");
    }

    /** Continues a stopped, failed or crashed execution from its last checkpoint, as a new execution. */
    public long restart(long executionId, String startedBy) {
        JobOperator operator = operator();
        JobExecution execution = JobViews.execution(executionId);
        JobRuns.Run run = runs.find(executionId)
                .orElseThrow(() ->
                        new IllegalArgumentException("execution " + executionId + " was not started by this product"));
        BatchStatus status = execution.getBatchStatus();
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            throw new IllegalTransitionException(
                    "execution " + executionId + " is " + status + " and cannot be restarted");
        }
        List<Integer> poolIds = run.pool() == null ? List.of() : poolIds(pools.pool(PoolName.of(run.pool())));
        Instant now = Instant.now();
        for (PoolJobLock.Holder holder : locks.holders(poolIds)) {
            boolean ours = holder.jobExecutionId() != null && holder.jobExecutionId() == executionId;
            boolean alive = RUNNING.contains(status) ? !holder.ownerIsDead(now) : false;
            if (!ours || alive) {
                throw new JobRunningException("restart of " + executionId + " refused: " + holder.jobName()
                        + (ours
                                ? " may still run on " + holder.node() + " (lease until " + holder.leaseUntil() + ")"
                                : " holds the pool"));
            }
        }
        if (locks.holders(poolIds).isEmpty()) {
            locks.acquire(poolIds, run.jobName(), "restart of " + executionId);
        }
        Properties parameters = operator.getParameters(executionId);
        long items = itemsLeft(run, parameters);
        long restarted;
        try {
            restarted = operator.restart(executionId, parameters);
        } catch (RuntimeException e) {
            if (!RUNNING.contains(status)) {
                locks.release(poolIds);
            }
            throw e;
        }
        locks.assignExecution(poolIds, restarted);
        runs.record(new JobRuns.Run(restarted, run.jobName(), run.pool(), startedBy, executionId, items, now));
        log.log(
                restarted,
                null,
                startedBy + " restarted execution " + executionId + " (" + status + ") from its last checkpoint ("
                        + items + " items to do)");
        return restarted;
    }

    public void stop(long executionId) {
        JobExecution execution = JobViews.execution(executionId);
        if (!RUNNING.contains(execution.getBatchStatus())) {
            throw new IllegalTransitionException(
                    "execution " + executionId + " already ended " + execution.getBatchStatus());
        }
        operator().stop(executionId);
    }

    public void abandon(long executionId) {
        JobExecution execution = JobViews.execution(executionId);
        if (RUNNING.contains(execution.getBatchStatus())) {
            throw new IllegalTransitionException(
                    "execution " + executionId + " is " + execution.getBatchStatus() + ": stop it first");
        }
        operator().abandon(executionId);
        locks.releaseExecution(executionId);
    }

    static void checkStartable(String jobName, FrontEndPool pool) {
        boolean failover = FAILOVER.equals(jobName);
        boolean allowed = failover
                ? pool.getState() == PoolState.DOWN || pool.getState() == PoolState.FAILING_OVER
                : pool.getState() == PoolState.FAILING_BACK
                        || (pool.getState() == PoolState.FAILED_OVER && pool.isRepaired());
        if (!allowed) {
            throw new IllegalTransitionException("pool " + pool.getName() + " is " + pool.getState()
                    + (pool.isRepaired() ? " (repaired)" : "") + ": "
                    + (failover ? "failover needs a DOWN pool" : "failback needs a FAILED_OVER pool that is repaired"));
        }
    }

    static List<Integer> poolIds(FrontEndPool pool) {
        return pool.getBackupPool() == null
                ? List.of(pool.getId())
                : List.of(pool.getId(), pool.getBackupPool().getId());
    }

    private static Properties parameters(FrontEndPool pool, Options options) {
        Properties parameters = new Properties();
        parameters.setProperty("pool", pool.getName());
        parameters.setProperty("poolId", Integer.toString(pool.getId()));
        parameters.setProperty("backupPool", pool.getBackupPool().getName());
        parameters.setProperty(
                "backupPoolId", Integer.toString(pool.getBackupPool().getId()));
        parameters.setProperty("partitions", Integer.toString(options.partitions() == null ? 2 : options.partitions()));
        if (options.itemCount() != null) {
            parameters.setProperty("itemCount", Integer.toString(options.itemCount()));
        }
        if (options.maxUsers() != null) {
            parameters.setProperty("maxUsers", Integer.toString(options.maxUsers()));
        }
        return parameters;
    }

    /** What a restart still has to do: the users' state now, not what the first execution set out to do. */
    private long itemsLeft(JobRuns.Run run, Properties parameters) {
        if (!FAILOVER.equals(run.jobName()) && !FAILBACK.equals(run.jobName())) {
            return run.itemsTotal();
        }
        String maxUsers = parameters.getProperty("maxUsers");
        Options options = new Options(null, null, maxUsers == null ? null : Integer.valueOf(maxUsers));
        return itemsTotal(run.jobName(), pools.pool(PoolName.of(run.pool())), options);
    }

    private long itemsTotal(String jobName, FrontEndPool pool, Options options) {
        if (FAILOVER.equals(jobName)) {
            return count(c -> PoolUsers.inStatuses(c, pool.getId(), FAILOVER_PENDING));
        }
        long toMove = count(c -> PoolUsers.inStatuses(c, pool.getId(), FAILBACK_PENDING));
        long moved = count(c -> PoolUsers.inStatuses(c, pool.getId(), FailbackStatus.MOVED));
        if (options.maxUsers() != null) {
            return Math.min(toMove, options.maxUsers());
        }
        return toMove + toMove + moved;
    }

    /** A count taken on a connection of its own. */
    private interface Count {
        long on(Connection c) throws SQLException;
    }

    private long count(Count count) {
        try (Connection c = dataSource.getConnection()) {
            return count.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count users: " + e.getMessage(), e);
        }
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
