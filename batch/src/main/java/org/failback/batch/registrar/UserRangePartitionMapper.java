package org.failback.batch.registrar;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Splits a pool's users into id ranges, one per partition. The ranges cover every user homed on the pool, not only
 * those still to do, so a restart computes the same ranges and each partition's checkpoint stays valid.
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

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Override
    public PartitionPlan mapPartitions() throws Exception {
        long first;
        long last;
        try (Connection c = dataSource.getConnection();
             PreparedStatement range = c.prepareStatement("SELECT MIN(id), MAX(id) FROM registrar_user WHERE home_pool_id = ?")) {
            range.setInt(1, Integer.parseInt(poolId));
            try (ResultSet rs = range.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
                last = rs.getLong(2);
            }
        }
        // A staged failback moves "at most N more" users: one partition keeps that count exact.
        boolean staged = maxUsers != null && !maxUsers.isBlank();
        int count = staged ? 1 : Math.max(1, Math.min(64, parse(partitions, 2)));
        long span = Math.max(1, (last - first + 1 + count - 1) / count);
        Properties[] properties = new Properties[count];
        for (int i = 0; i < count; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("firstId", Long.toString(first + i * span));
            properties[i].setProperty("lastId", Long.toString(i == count - 1 ? last : first + (i + 1) * span - 1));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(count);
        plan.setPartitionProperties(properties);
        plan.setPartitionsOverride(false);
        return plan;
    }

    static int parse(String value, int fallback) {
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
