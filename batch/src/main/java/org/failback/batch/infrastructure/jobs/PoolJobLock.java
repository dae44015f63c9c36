package org.failback.batch.infrastructure.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.engine.SqlDialect;

/**
 * One job at a time per pool, enforced by the database: a row per pool in pool_job_lock (its primary key is the
 * lock), so it holds across restarts and nodes. A job locks its pool and the pool's backup pool. The row carries a
 * lease that the owning node renews; another node may take over only a lease that expired. Leases are set and judged
 * on the database's clock, never a node's: two nodes whose clocks disagree by more than a lease would otherwise
 * each see the other's lease as expired (or never expiring).
 */
@ApplicationScoped
public class PoolJobLock {

    public static final Duration LEASE = Duration.ofSeconds(30);
    /** The lease's end on the database's clock (a constant expression, not input: safe to write into a statement). */
    public static String leaseEnd(SqlDialect dialect) {
        return dialect.secondsFromNow(LEASE.toSeconds());
    }

    /** 1 when the lease in {@code column} (the caller's constant) ended, by the database's clock; else 0. */
    public static String leaseExpired(SqlDialect dialect, String column) {
        return "CASE WHEN " + column + " < " + dialect.now() + " THEN 1 ELSE 0 END";
    }

    /** The job parameter naming the locks taken for a job (see {@link PoolJobListener}). */
    public static final String TOKEN_PARAMETER = "poolLockToken";

    public static String newToken() {
        return UUID.randomUUID().toString();
    }

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** A held lock; {@code leaseExpired} was judged by the database when the row was read. */
    public record Holder(
            int poolId, String jobName, Long jobExecutionId, String node, Instant leaseUntil, boolean leaseExpired) {

        /** The owner is provably gone: the same node restarted (new boot id), or its lease ran out. */
        public boolean ownerIsDead() {
            return NodeIdentity.ownerIsDead(node, leaseExpired);
        }
    }

    /**
     * Takes the locks of all pools in one statement batch, under the token the job will carry; a held one →
     * JobRunningException, nothing taken.
     */
    public void acquire(Collection<Integer> poolIds, String jobName, String description, String token) {
        try (Connection c = dataSource.getConnection()) {
            for (int poolId : poolIds) {
                Optional<Holder> holder = find(c, poolId);
                if (holder.isPresent()) {
                    throw new JobRunningException(
                            description + " refused: job " + holder.get().jobName()
                                    + (holder.get().jobExecutionId() == null
                                            ? ""
                                            : " (execution " + holder.get().jobExecutionId() + ")")
                                    + " is running for a pool it involves");
                }
            }
            SqlDialect dialect = SqlDialect.of(c);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO pool_job_lock (pool_id, job_name, node, acquired_at, lease_until, lock_token)"
                            + " VALUES (?, ?, ?, " + dialect.now() + ", " + leaseEnd(dialect) + ", ?)")) {
                for (int poolId : poolIds) {
                    insert.setInt(1, poolId);
                    insert.setString(2, jobName);
                    insert.setString(3, NodeIdentity.current());
                    insert.setString(4, token);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new JobRunningException(
                        description + " refused: another job just started for a pool it involves");
            }
            throw new IllegalStateException("cannot lock pools: " + e.getMessage(), e);
        }
    }

    public void assignExecution(Collection<Integer> poolIds, long jobExecutionId) {
        update(
                dialect -> "UPDATE pool_job_lock SET job_execution_id = ?, node = ?, lease_until = " + leaseEnd(dialect)
                        + " WHERE pool_id = ?",
                poolIds,
                jobExecutionId);
    }

    public void release(Collection<Integer> poolIds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM pool_job_lock WHERE pool_id = ?")) {
            for (int poolId : poolIds) {
                delete.setInt(1, poolId);
                delete.addBatch();
            }
            delete.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release pool locks: " + e.getMessage(), e);
        }
    }

    public void releaseExecution(long jobExecutionId) {
        releaseWhere("job_execution_id = ?", delete -> delete.setLong(1, jobExecutionId));
    }

    public void releaseToken(String token) {
        releaseWhere("lock_token = ?", delete -> delete.setString(1, token));
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void releaseWhere(String condition, Binding binding) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM pool_job_lock WHERE " + condition)) {
            binding.bind(delete);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release pool locks: " + e.getMessage(), e);
        }
    }

    /**
     * Renews the lease of every lock this JVM holds: the Front End pool locks and the Persistent Chat pools' locks
     * (a column pair of chat_pool, see ChatPoolStore).
     */
    public int renewLeases() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement renew = c.prepareStatement(
                        "UPDATE pool_job_lock SET lease_until = " + leaseEnd(SqlDialect.of(c)) + " WHERE node = ?");
                PreparedStatement renewChat = c.prepareStatement("UPDATE chat_pool SET lock_lease_until = "
                        + leaseEnd(SqlDialect.of(c)) + " WHERE lock_node = ?")) {
            renew.setString(1, NodeIdentity.current());
            renewChat.setString(1, NodeIdentity.current());
            return renew.executeUpdate() + renewChat.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot renew pool locks: " + e.getMessage(), e);
        }
    }

    public List<Holder> holders(Collection<Integer> poolIds) {
        try (Connection c = dataSource.getConnection()) {
            return poolIds.stream()
                    .map(id -> {
                        try {
                            return find(c, id);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .flatMap(Optional::stream)
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pool locks: " + e.getMessage(), e);
        }
    }

    private void update(Function<SqlDialect, String> sql, Collection<Integer> poolIds, long jobExecutionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(sql.apply(SqlDialect.of(c)))) {
            for (int poolId : poolIds) {
                update.setLong(1, jobExecutionId);
                update.setString(2, NodeIdentity.current());
                update.setInt(3, poolId);
                update.addBatch();
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update pool locks: " + e.getMessage(), e);
        }
    }

    private static Optional<Holder> find(Connection c, int poolId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT job_name, job_execution_id, node, lease_until,"
                + " " + leaseExpired(SqlDialect.of(c), "lease_until")
                + " FROM pool_job_lock WHERE pool_id = ?")) {
            query.setInt(1, poolId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long execution = rs.getLong(2);
                return Optional.of(new Holder(
                        poolId,
                        rs.getString(1),
                        rs.wasNull() ? null : execution,
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getInt(5) == 1));
            }
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) || "23000".equals(e.getSQLState()) || e.getErrorCode() == 2627;
    }
}
