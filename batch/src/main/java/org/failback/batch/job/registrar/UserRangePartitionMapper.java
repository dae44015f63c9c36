package org.failback.batch.job.registrar;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.jobs.StepCounts;
import org.failback.batch.infrastructure.registrar.PoolUsers;
import org.failback.domain.registrar.UserTransition;

/**
 * Splits a pool's users into SIP ranges, one per partition, along the (pool, sip) index the readers page on. The
 * ranges cover every user homed on the pool, not only those still to do, so a restart computes the same ranges and
 * each partition's checkpoint stays valid. It also records how many users the step sets out to do (those in the
 * source statuses of its transition, at most a staged failback's limit), the total its progress is measured against.
 */
@Named
public class UserRangePartitionMapper implements PartitionMapper {

    @Inject
    @BatchProperty
    String poolId;

    @Inject
    @BatchProperty
    String partitions;

    @Inject
    @BatchProperty
    String maxUsers;

    /** The step's transition: the users in its source statuses are those the step has to do. */
    @Inject
    @BatchProperty
    String transition;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    StepCounts counts;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Override
    public PartitionPlan mapPartitions() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            counts.recordTotal(job.getExecutionId(), step.getStepName(), usersToDo(c));
            return plan(c);
        }
    }

    /** The partitions: SIP ranges of about equal size over every user homed on the pool. */
    PartitionPlan plan(Connection c) throws SQLException {
        // A staged failback moves "at most N more" users: one partition keeps that count exact.
        int wanted = staged() ? 1 : Math.max(1, Math.min(64, parse(partitions, 2)));
        int pool = Integer.parseInt(poolId);
        List<String> bounds = bounds(c, pool, wanted, count(c, pool));
        int count = bounds.size() + 1;
        Properties[] properties = new Properties[count];
        for (int i = 0; i < count; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("afterSip", i == 0 ? "" : bounds.get(i - 1));
            properties[i].setProperty("lastSip", i == count - 1 ? "" : bounds.get(i));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(count);
        plan.setPartitionProperties(properties);
        plan.setPartitionsOverride(false);
        return plan;
    }

    /** The users the step sets out to do: those in its transition's source statuses now, at most a staged failback's limit. */
    long usersToDo(Connection c) throws SQLException {
        long users = PoolUsers.inStatuses(
                c, Integer.parseInt(poolId), UserTransition.valueOf(transition).sources());
        return staged() ? Math.min(users, parse(maxUsers, 0)) : users;
    }

    private boolean staged() {
        return maxUsers != null && !maxUsers.isBlank();
    }

    private static long count(Connection c, int pool) throws SQLException {
        try (PreparedStatement query =
                c.prepareStatement("SELECT COUNT(*) FROM registrar_user WHERE home_pool_id = ?")) {
            query.setInt(1, pool);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The last SIP of every range but the last. Each is found by skipping from the one before along the (pool, sip)
     * index, so the index is walked once whatever the number of partitions.
     */
    private static List<String> bounds(Connection c, int pool, int wanted, long users) throws SQLException {
        List<String> bounds = new ArrayList<>();
        if (users < wanted) {
            return bounds;
        }
        try (PreparedStatement next =
                c.prepareStatement("SELECT sip FROM registrar_user WHERE home_pool_id = ? AND sip > ?"
                        + " ORDER BY home_pool_id, sip OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
            String previous = "";
            long previousIndex = -1;
            for (int i = 1; i < wanted; i++) {
                long index = i * users / wanted - 1;
                next.setInt(1, pool);
                next.setString(2, previous);
                next.setLong(3, index - previousIndex - 1);
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    previous = rs.getString(1);
                }
                previousIndex = index;
                bounds.add(previous);
            }
        }
        return bounds;
    }

    static int parse(String value, int fallback) {
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
