package org.failback.batch.job.registrar;

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
import java.util.Deque;
import javax.sql.DataSource;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.Registration;
import org.failback.domain.registrar.RegistrationMode;
import org.failback.domain.registrar.UserTransition;

/**
 * Reads the users of a pool (within the partition's SIP range) whose status says they still need the step, a page
 * at a time by key: no cursor held open across chunks, no offset paging. Statuses are read one after the other, each
 * in the order of the (pool, status, sip) index, so a page stops after its last row instead of sorting every
 * remaining user of the pool (that sort made a 1,000,000-user failback quadratic). Its checkpoint is the status
 * being read, the last SIP handed out and the number handed out.
 */
@Named
public class PoolUserReader extends AbstractItemReader {

    static final String PAGE =
            "SELECT id, home_pool_id, failback_status, signed_in, serving_pool_id, mode, sip FROM registrar_user"
                    + " WHERE home_pool_id = ? AND failback_status = ? AND sip > ? AND sip <= ?"
                    + " ORDER BY home_pool_id, failback_status, sip OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY";

    /** Above every SIP (SIPs are lower-case ASCII): the upper bound of the last partition. */
    static final String AFTER_EVERY_SIP = "\uffff";

    @Inject
    @BatchProperty
    String poolId;

    /** The step's transition: the users in its source statuses are read, one status after the other. */
    @Inject
    @BatchProperty
    String transition;

    /** The partition's range: SIPs after this one (empty: from the first) ... */
    @Inject
    @BatchProperty
    String afterSip;

    /** ... up to and including this one (empty: to the last). */
    @Inject
    @BatchProperty
    String lastSip;

    @Inject
    @BatchProperty
    String pageSize;

    @Inject
    @BatchProperty
    String maxItems;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /**
     * Where a partition's reader stands: the index of the status being read, the last SIP handed out, and how many
     * users it has handed out (a staged failback's limit holds across a retried chunk or a crash).
     */
    record Position(int status, String lastSip, long handedOut) implements Serializable {}

    private final Deque<UserRow> page = new ArrayDeque<>();
    private FailbackStatus[] wanted;
    private Position position;
    private String from;
    private String upTo;
    private long limit;
    /** The last page of the current status came back short: the status has nothing more in the range. */
    private boolean statusExhausted;

    @Override
    public void open(Serializable checkpoint) {
        wanted = UserTransition.valueOf(transition).sources();
        from = afterSip == null ? "" : afterSip;
        upTo = lastSip == null || lastSip.isEmpty() ? AFTER_EVERY_SIP : lastSip;
        position = checkpoint instanceof Position saved ? saved : new Position(0, from, 0);
        limit = maxItems == null || maxItems.isBlank() ? Long.MAX_VALUE : Long.parseLong(maxItems.strip());
        // The runtime opens the same reader again at the last checkpoint when it rolls a chunk back to retry it.
        page.clear();
        statusExhausted = false;
    }

    @Override
    public Object readItem() throws SQLException {
        if (position.handedOut() >= limit) {
            return null;
        }
        while (page.isEmpty() && position.status() < wanted.length) {
            if (statusExhausted || !fetch()) {
                position = new Position(position.status() + 1, from, position.handedOut());
                statusExhausted = false;
            }
        }
        UserRow next = page.pollFirst();
        if (next == null) {
            return null;
        }
        position = new Position(position.status(), next.sip(), position.handedOut() + 1);
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }

    /**
     * Reads the next page of the current status; false when that status has nothing left in the range. A short page
     * is the status's last, so the reader moves on without asking again.
     */
    private boolean fetch() throws SQLException {
        int size = UserRangePartitionMapper.parse(pageSize, 1000);
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(PAGE)) {
            query.setInt(1, Integer.parseInt(poolId));
            query.setString(2, wanted[position.status()].name());
            query.setString(3, position.lastSip());
            query.setString(4, upTo);
            query.setInt(5, size);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    int serving = rs.getInt(5);
                    Integer servingPool = rs.wasNull() ? null : serving;
                    String mode = rs.getString(6);
                    page.addLast(new UserRow(
                            new Registration(
                                    rs.getLong(1),
                                    rs.getInt(2),
                                    FailbackStatus.valueOf(rs.getString(3)),
                                    rs.getBoolean(4),
                                    servingPool,
                                    mode == null ? null : RegistrationMode.valueOf(mode)),
                            rs.getString(7)));
                }
            }
        }
        statusExhausted = page.size() < size;
        return !page.isEmpty();
    }
}
