package org.failback.batch.registrar;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import javax.sql.DataSource;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.Registration;
import org.failback.domain.registrar.RegistrationMode;

/**
 * Reads the users of a pool (within the partition's id range) whose status says they still need the step, a page
 * at a time by key: no cursor held open across chunks, no offset paging. Its checkpoint is the last id handed out.
 */
@Named
public class PoolUserReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String poolId;

    @Inject
    @BatchProperty
    String statuses;

    @Inject
    @BatchProperty
    String firstId;

    @Inject
    @BatchProperty
    String lastId;

    @Inject
    @BatchProperty
    String pageSize;

    @Inject
    @BatchProperty
    String maxItems;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    private final Deque<UserRow> page = new ArrayDeque<>();
    private FailbackStatus[] wanted;
    private long lastRead;
    private long upper;
    private long remaining;
    private boolean exhausted;
    private String sql;

    @Override
    public void open(Serializable checkpoint) {
        wanted = UserTransition.parseStatuses(statuses);
        lastRead = checkpoint == null ? Long.parseLong(firstId) - 1 : (Long) checkpoint;
        upper = Long.parseLong(lastId);
        remaining = maxItems == null || maxItems.isBlank() ? Long.MAX_VALUE : Long.parseLong(maxItems.strip());
        sql = "SELECT id, home_pool_id, failback_status, signed_in, serving_pool_id, mode, sip FROM registrar_user"
                + " WHERE home_pool_id = ? AND id > ? AND id <= ? AND failback_status IN ("
                + String.join(", ", Collections.nCopies(wanted.length, "?")) + ") ORDER BY id FETCH FIRST ? ROWS ONLY";
    }

    @Override
    public Object readItem() throws SQLException {
        if (remaining <= 0) {
            return null;
        }
        if (page.isEmpty() && !exhausted) {
            fetch();
        }
        UserRow next = page.pollFirst();
        if (next == null) {
            return null;
        }
        lastRead = next.registration().userId();
        remaining--;
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastRead;
    }

    private void fetch() throws SQLException {
        int size = UserRangePartitionMapper.parse(pageSize, 1000);
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            int i = 1;
            query.setInt(i++, Integer.parseInt(poolId));
            query.setLong(i++, lastRead);
            query.setLong(i++, upper);
            for (FailbackStatus status : wanted) {
                query.setString(i++, status.name());
            }
            query.setInt(i, size);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    int serving = rs.getInt(5);
                    Integer servingPool = rs.wasNull() ? null : serving;
                    String mode = rs.getString(6);
                    page.addLast(new UserRow(new Registration(rs.getLong(1), rs.getInt(2), FailbackStatus.valueOf(rs.getString(3)),
                            rs.getBoolean(4), servingPool, mode == null ? null : RegistrationMode.valueOf(mode)), rs.getString(7)));
                }
            }
        }
        exhausted = page.size() < size;
    }
}
