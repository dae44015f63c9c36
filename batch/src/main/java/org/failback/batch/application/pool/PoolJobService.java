package org.failback.batch.application.pool;

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
import org.failback.batch.application.chat.ChatJobs;
import org.failback.batch.application.chat.PchatStep;
import org.failback.batch.application.jobs.JobViews;
import org.failback.batch.application.jobs.LockedJobStarts;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.application.lis.LisBackupChoice;
import org.failback.batch.application.lis.LisBackupService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.jobs.JobRunningException;
import org.failback.batch.infrastructure.jobs.JobRuns;
import org.failback.batch.infrastructure.jobs.PoolJobLock;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.batch.infrastructure.registrar.PoolUsers;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.IllegalTransitionException;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.UserTransition;

/**
 * Starts, plans, restarts, stops and abandons the Front End jobs. The pool state and the pool locks change in one
 * transaction before the job is started (outside any transaction, so the job thread sees them committed); a start
 * that fails afterwards gives the locks back.
 */
@ApplicationScoped
public class PoolJobService {

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
    LockedJobStarts lockedStarts;

    @Inject
    JobRuns runs;

    @Inject
    ChatJobs chatJobs;

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
        return start(PoolJob.FAILOVER, pool, options, startedBy);
    }

    public long startFailback(PoolName pool, Options options, String startedBy) {
        return start(PoolJob.FAILBACK, pool, options, startedBy);
    }

    private long start(PoolJob job, PoolName poolName, Options options, String startedBy) {
        PoolJobPreparation.Prepared prepared = preparation.prepare(job, poolName);
        // Counted before the start: a small job can be moving users before start() returns.
        long items = itemsTotal(job, prepared.pool(), options);
        Properties parameters = parameters(prepared.pool(), options);
        parameters.setProperty(PoolJobLock.TOKEN_PARAMETER, prepared.lockToken());
        long executionId = lockedStarts.startHolding(prepared.poolIds(), job, parameters);
        runs.record(
                new JobRuns.Run(executionId, job.jobName(), poolName.value(), startedBy, null, items, Instant.now()));
        log.log(
                executionId,
                null,
                startedBy + " started " + job + " of pool " + poolName + " (" + items + " items to do)");
        return executionId;
    }

    public PoolJobPlan plan(PoolJob job, PoolName poolName, Integer maxUsers) {
        FrontEndPool pool = pools.pool(poolName);
        checkStartable(job, pool);
        List<Integer> poolIds = poolIds(pool);
        locks.holders(poolIds).stream().findFirst().ifPresent(holder -> {
            throw new JobRunningException(job + " of " + poolName + " refused: job " + holder.jobName()
                    + " is running for a pool it involves");
        });
        boolean failover = job == PoolJob.FAILOVER;
        FailbackStatus[] pending = failover ? FAILOVER_PENDING : FAILBACK_PENDING;
        long users = count(c -> PoolUsers.inStatuses(c, pool.getId(), pending));
        long signedIn = count(c -> PoolUsers.signedInInStatuses(c, pool.getId(), pending));
        long conferences = failover ? 0 : pools.conferencesAFailbackWouldTerminate(poolName);
        LisBackupChoice lisChoice =
                failover ? lisBackupChoice(poolName) : new LisBackupChoice(Optional.empty(), List.of());
        Optional<StoredBackup> lisBackup = lisChoice.backup();
        String backupPool = pool.getBackupPool().getName();
        PoolState backupState = pool.getBackupPool().getState();
        List<String> steps = PlanSteps.of(
                job,
                new PlanSteps.Facts(
                        poolName, backupPool, backupState, users, signedIn, conferences, maxUsers, lisChoice));
        return new PoolJobPlan(
                job.jobName(),
                poolName.value(),
                backupPool,
                pool.getState().name(),
                steps,
                users,
                signedIn,
                conferences,
                maxUsers,
                lisBackup.map(StoredBackup::fileName).orElse(null),
                backupState.name());
    }

    private LisBackupChoice lisBackupChoice(PoolName pool) {
        try (Connection c = dataSource.getConnection()) {
            return new LisBackupService(LisStorage.current(), new LoggingOperationLog("[failover plan] "), null)
                    .choose(c, pool);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the LIS backups of " + pool + ": " + e.getMessage(), e);
        }
    }

    /** Continues a stopped, failed or crashed execution from its last checkpoint, as a new execution. */
    public long restart(long executionId, String startedBy) {
        JobOperator operator = operator();
        JobExecution execution = JobViews.execution(executionId);
        if (PchatStep.Job.isChatJob(execution.getJobName())) {
            return chatJobs.restart(executionId, startedBy);
        }
        JobRuns.Run run = runs.find(executionId)
                .orElseThrow(() ->
                        new IllegalArgumentException("execution " + executionId + " was not started by this product"));
        BatchStatus status = execution.getBatchStatus();
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            throw new IllegalTransitionException(
                    "execution " + executionId + " is " + status + " and cannot be restarted");
        }
        boolean locking = PoolJob.named(run.jobName()).map(PoolJob::locksPools).orElse(false);
        List<Integer> poolIds =
                run.pool() == null || !locking ? List.of() : poolIds(pools.pool(PoolName.of(run.pool())));
        Instant now = Instant.now();
        for (PoolJobLock.Holder holder : locks.holders(poolIds)) {
            boolean ours = holder.jobExecutionId() != null && holder.jobExecutionId() == executionId;
            boolean alive = RUNNING.contains(status) && !holder.ownerIsDead();
            if (!ours || alive) {
                throw new JobRunningException("restart of " + executionId + " refused: " + holder.jobName()
                        + (ours
                                ? " may still run on " + holder.node() + " (lease until " + holder.leaseUntil() + ")"
                                : " holds the pool"));
            }
        }
        Properties parameters = operator.getParameters(executionId);
        if (!poolIds.isEmpty() && locks.holders(poolIds).isEmpty()) {
            String token = parameters.getProperty(PoolJobLock.TOKEN_PARAMETER, PoolJobLock.newToken());
            parameters.setProperty(PoolJobLock.TOKEN_PARAMETER, token);
            locks.acquire(poolIds, run.jobName(), "restart of " + executionId, token);
        }
        long items = itemsLeft(run, parameters);
        long restarted;
        try {
            restarted = operator.restart(executionId, parameters);
        } catch (RuntimeException e) {
            // Whether taken just now or left by the dead execution it tried to continue, nobody runs under them.
            locks.release(poolIds);
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

    static void checkStartable(PoolJob job, FrontEndPool pool) {
        if (job == PoolJob.FAILOVER) {
            pool.requireFailoverStartable();
        } else {
            pool.requireFailbackStartable();
        }
    }

    static List<Integer> poolIds(FrontEndPool pool) {
        return pool.involvedPoolIds();
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
        PoolJob job = PoolJob.named(run.jobName()).orElse(null);
        if (job != PoolJob.FAILOVER && job != PoolJob.FAILBACK) {
            return run.itemsTotal();
        }
        String maxUsers = parameters.getProperty("maxUsers");
        Options options = new Options(null, null, maxUsers == null ? null : Integer.valueOf(maxUsers));
        return itemsTotal(job, pools.pool(PoolName.of(run.pool())), options);
    }

    private long itemsTotal(PoolJob job, FrontEndPool pool, Options options) {
        if (job == PoolJob.FAILOVER) {
            return count(c -> PoolUsers.inStatuses(c, pool.getId(), FAILOVER_PENDING));
        }
        long toMove = count(c -> PoolUsers.inStatuses(c, pool.getId(), FAILBACK_PENDING));
        return options.maxUsers() == null ? toMove : Math.min(toMove, options.maxUsers());
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
