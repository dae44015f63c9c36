package org.failback.batch.application.chat;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.failback.batch.application.jobs.JobViews;
import org.failback.batch.application.logshipping.LogShippingJobs;
import org.failback.batch.infrastructure.chat.ChatDatabases;
import org.failback.batch.infrastructure.chat.ChatPoolStore;
import org.failback.batch.infrastructure.chat.ChatPoolStore.PoolRow;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.jobs.JobRunningException;
import org.failback.batch.infrastructure.jobs.JobRuns;
import org.failback.domain.chat.ChatPoolState;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseOperationLog;
import org.failback.domain.dbadmin.Engine;
import org.failback.domain.pool.IllegalTransitionException;

/**
 * Starts, plans and restarts {@code pchat-failover} and {@code pchat-failback}. A start checks everything it can
 * before the 202 (state, the chat pool's lock, for a failback the rebuilt primary, the topology and the active
 * servers), then takes the lock and sets FAILING_OVER / FAILING_BACK in one transaction; the job listener gives the
 * lock back however the execution ends. One job at a time per chat pool, log-shipping rounds included.
 */
@ApplicationScoped
public class ChatJobs {

    private static final Set<BatchStatus> RUNNING =
            Set.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Inject
    ManagedDatabases databases;

    @Inject
    LogShippingJobs shipping;

    @Inject
    JobRuns runs;

    @Inject
    JobLog log;

    public PchatPlan.Plan planFailover(String pool) {
        try (Connection c = dataSource.getConnection()) {
            PoolRow row = ChatPools.require(c, pool);
            return PchatPlan.failover(c, databases.administrations(), row);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The failback's plan; the active servers are checked as a start would check them. */
    public PchatPlan.Plan planFailback(String pool, List<String> activeServers) {
        try (Connection c = dataSource.getConnection()) {
            PoolRow row = ChatPools.require(c, pool);
            List<String> servers = ChatPools.checkActiveServers(c, row, row.primary(), activeServers);
            return PchatPlan.failback(c, databases.administrations(), row, servers);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public synchronized long startFailover(String pool, String startedBy) {
        try (Connection c = dataSource.getConnection()) {
            PoolRow row = ChatPools.require(c, pool);
            row.state().to(ChatPoolState.FAILING_OVER, row.name());
            return start(c, row, PchatStep.Job.FAILOVER, ChatPoolState.FAILING_OVER, new Properties(), startedBy);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public synchronized long startFailback(String pool, List<String> activeServers, String startedBy) {
        try (Connection c = dataSource.getConnection()) {
            PoolRow row = ChatPools.require(c, pool);
            List<String> servers = ChatPools.checkActiveServers(c, row, row.primary(), activeServers);
            if (row.state() == ChatPoolState.FAILING_BACK) {
                throw new IllegalTransitionException("chat pool " + row.name() + " is FAILING_BACK: a failback that"
                        + " failed or was stopped continues by a restart of its execution (POST /api/jobs/{id}/restart),"
                        + " not by a new start");
            }
            row.state().to(ChatPoolState.FAILING_BACK, row.name());
            requirePrimaryRebuilt(c, row);
            String now = PchatRunbook.topologyOf(c, row);
            if (row.failoverTopology() != null && !row.failoverTopology().equals(now)) {
                throw new IllegalTransitionException("chat pool " + row.name() + ": the topology changed since the"
                        + " failover (was " + row.failoverTopology() + ", now " + now + "); seed 003's failback assumes"
                        + " no new mirror or backup servers were deployed");
            }
            Properties parameters = new Properties();
            parameters.setProperty("activeServers", String.join(",", servers));
            return start(c, row, PchatStep.Job.FAILBACK, ChatPoolState.FAILING_BACK, parameters, startedBy);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Seed 003's setting: the primary was rebuilt, and empty mgc and mgccomp exist there again. */
    private void requirePrimaryRebuilt(Connection c, PoolRow row) throws SQLException {
        if (!row.primaryRebuilt()) {
            throw new IllegalTransitionException(
                    "chat pool " + row.name() + ": the primary " + row.primary().name()
                            + " is not rebuilt yet (POST /api/chat/pools/" + row.name() + "/rebuild-primary)");
        }
        DatabaseAdministration primary =
                databases.administrations().forInstance(row.primary().instance(), null, DatabaseOperationLog.NONE);
        for (DatabaseName db : ChatPools.DATABASES) {
            if (!primary.databaseExists(db)) {
                throw new IllegalTransitionException(
                        "chat pool " + row.name() + ": " + db + " does not exist on the rebuilt primary "
                                + row.primary().name());
            }
        }
        if (row.primary().instance().engine() == Engine.H2) {
            var admins = databases.administrations();
            ChatDatabases chat =
                    new ChatDatabases(db -> admins.openData(row.primary().instance(), DatabaseName.of(db)));
            for (DatabaseName db : ChatPools.DATABASES) {
                long messages = chat.messageCount(db.value()).orElse(0L);
                if (messages > 0) {
                    throw new IllegalTransitionException("chat pool " + row.name() + ": " + db + " on the primary "
                            + row.primary().name() + " is not empty (" + messages + " messages)");
                }
            }
        }
    }

    private long start(
            Connection c, PoolRow row, PchatStep.Job job, ChatPoolState state, Properties parameters, String startedBy)
            throws SQLException {
        if (shipping.isRunning(row.name())) {
            throw new JobRunningException(
                    job.id() + " of chat pool " + row.name() + " refused: a log-shipping round is running");
        }
        // The runbook drives the product's own log shipping; SQL Server Agent's (msdb) is not wired into it yet, and a
        // job that half-handled it would leave msdb and the share disagreeing: refused before anything changes.
        if (new LogShippingStore(c).ofChatPool(row.name()).stream().anyMatch(LogShippingStore.Config::byAgent)) {
            throw new IllegalTransitionException(job.id() + " of chat pool " + row.name() + " refused: its log"
                    + " shipping is run by SQL Server Agent (msdb), which the pchat jobs do not drive yet");
        }
        ChatPoolStore store = new ChatPoolStore(c);
        c.setAutoCommit(false);
        try {
            if (!store.lock(row.id(), job.id())) {
                throw new JobRunningException(job.id() + " of chat pool " + row.name() + " refused: job "
                        + row.lockJobName() + " (execution " + row.lockExecutionId() + ") is running");
            }
            if (!store.transition(row.id(), ChatPoolState.sourcesOf(state), state)) {
                throw new IllegalTransitionException("chat pool " + row.name() + " changed state meanwhile");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        parameters.setProperty("pool", row.name());
        long execution;
        try {
            execution = BatchRuntime.getJobOperator().start(job.id(), parameters);
        } catch (RuntimeException e) {
            store.unlock(row.id());
            throw e;
        }
        store.assignLock(row.name(), job.id(), execution);
        runs.record(new JobRuns.Run(execution, job.id(), row.name(), startedBy, null, 0, Instant.now()));
        log.log(
                execution,
                null,
                startedBy + " started " + job.id() + " of chat pool " + row.name() + " (" + state + ")");
        return execution;
    }

    /**
     * Continues a failed, stopped or crashed pchat execution as a new one, on this node. Its lock must be free or held
     * by that execution with its owner provably gone: the lease its node renews expired (on the database's clock), or
     * its node restarted.
     */
    public synchronized long restart(long executionId, String startedBy) {
        JobExecution execution = JobViews.execution(executionId);
        BatchStatus status = execution.getBatchStatus();
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            throw new IllegalTransitionException(
                    "execution " + executionId + " is " + status + " and cannot be restarted");
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties parameters = operator.getParameters(executionId);
        String pool = parameters.getProperty("pool");
        try (Connection c = dataSource.getConnection()) {
            PoolRow row = ChatPools.require(c, pool);
            ChatPoolStore store = new ChatPoolStore(c);
            Optional<ChatPoolStore.LockLease> lease = store.lease(row.id());
            if (lease.isPresent()) {
                boolean ours = row.lockExecutionId() != null && row.lockExecutionId() == executionId;
                boolean alive = RUNNING.contains(status) && !lease.get().ownerIsDead(thisJvmStarted());
                if (!ours || alive) {
                    throw new JobRunningException("restart of " + executionId + " refused: " + row.lockJobName()
                            + " (execution " + row.lockExecutionId() + ") holds chat pool " + row.name()
                            + (ours && lease.get().node() != null
                                    ? " and may still run on " + lease.get().node() + " (lease until "
                                            + lease.get().leaseUntil() + ")"
                                    : ""));
                }
                store.unlock(row.id());
            }
            if (shipping.isRunning(row.name())) {
                throw new JobRunningException("restart of " + executionId + " refused: a log-shipping round runs");
            }
            if (!store.lock(row.id(), execution.getJobName())) {
                throw new JobRunningException("restart of " + executionId + " refused: another job took the pool");
            }
            long restarted;
            try {
                restarted = operator.restart(executionId, parameters);
            } catch (RuntimeException e) {
                store.unlock(row.id());
                throw e;
            }
            store.assignLock(row.name(), execution.getJobName(), restarted);
            runs.record(new JobRuns.Run(
                    restarted, execution.getJobName(), row.name(), startedBy, executionId, 0, Instant.now()));
            log.log(restarted, null, startedBy + " restarted execution " + executionId + " (" + status + ")");
            return restarted;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Instant thisJvmStarted() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /**
     * The job listener's claim, before the first step: the execution owns its pool's lock from then on, so the release
     * at its end always finds it, even when the job ends before its starter's own assignment runs.
     */
    public void claim(String pool, String jobName, long executionId) {
        try (Connection c = dataSource.getConnection()) {
            new ChatPoolStore(c).assignLock(pool, jobName, executionId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim the chat pool lock: " + e.getMessage(), e);
        }
    }

    /** The job listener's release: the lock of whatever pool this execution holds. */
    public void release(long executionId) {
        try (Connection c = dataSource.getConnection()) {
            new ChatPoolStore(c).unlockExecution(executionId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the chat pool lock: " + e.getMessage(), e);
        }
    }
}
