package org.failback.domain.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.util.List;

/**
 * One of a pool's striped gates: a client request locks the gate of its user's stripe, a change of the pool's state
 * locks all of them (after the pool row). So a sign-in cannot slip in between an outage's decision and its commit, yet
 * the requests of one pool no longer run one at a time, as they did on the pool row itself: H2 has no shared row lock
 * and took every request's lock on it as FOR UPDATE (bench/README.md, "The client API under load").
 */
@Entity
@Table(name = "pool_gate")
public class PoolGate {

    /** Gates per pool; the migration that creates them and {@code TopologyWriter} make this many. */
    public static final int STRIPES = 16;

    @Id
    private long id;

    @Column(name = "pool_id", nullable = false)
    private int poolId;

    protected PoolGate() {}

    /** The gate a request for this user passes: the user's stripe of their home pool. */
    public static long idOf(int poolId, long userId) {
        return (long) poolId * STRIPES + Math.floorMod(userId, STRIPES);
    }

    /** Waits for the gate and holds it until the transaction ends. */
    public static void pass(EntityManager em, long gateId) {
        if (em.find(PoolGate.class, gateId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("pool gate " + gateId + " is missing");
        }
    }

    /** Closes every gate of the pool until the transaction ends: no client request of the pool runs meanwhile. */
    public static void closeAll(EntityManager em, int poolId) {
        List<PoolGate> gates = em.createQuery(
                        "SELECT g FROM PoolGate g WHERE g.poolId = :pool ORDER BY g.id", PoolGate.class)
                .setParameter("pool", poolId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (gates.size() != STRIPES) {
            throw new IllegalStateException("pool " + poolId + " has " + gates.size() + " gates, not " + STRIPES);
        }
    }
}
