package org.failback.batch.job.registrar;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.Decider;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.registrar.PoolUsers;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.UserTransition;

/**
 * After the per-user step: ALL_DONE when no user of the pool is left in the step's source statuses, USERS_FAILED when
 * some failed (the job stops so a restart retries them), STAGED when a staged run left users for later.
 */
@Named
public class UsersRemainingDecider implements Decider {

    @Inject
    @BatchProperty
    String poolId;

    /** The transition of the step before: its pending users are those a staged run left. */
    @Inject
    @BatchProperty
    String transition;

    @Inject
    JobContext job;

    @Inject
    JobLog log;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Override
    public String decide(StepExecution[] executions) throws Exception {
        long pending = count(UserTransition.valueOf(transition).pending());
        long failed = count(FailbackStatus.FAILED);
        String decision = pending > 0 ? "STAGED" : failed > 0 ? "USERS_FAILED" : "ALL_DONE";
        log.log(
                job.getExecutionId(),
                null,
                "users remaining: " + pending + " to move, " + failed + " failed → " + decision);
        return decision;
    }

    private long count(FailbackStatus... statuses) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return PoolUsers.inStatuses(c, Integer.parseInt(poolId), statuses);
        }
    }
}
