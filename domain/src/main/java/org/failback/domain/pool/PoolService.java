package org.failback.domain.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Pool-level operations of seed 000, each in one transaction: a refused one changes nothing. The per-user work of
 * failover and failback is done by the jobs, item by item, through {@link org.failback.domain.registrar.Registration}.
 */
@ApplicationScoped
@Transactional
public class PoolService {

    /*
     * What a pool's state change ends is found from the active conferences and sessions, each checked against its
     * user's row (EXISTS, a primary-key lookup): they are few, the pool's users are many. Written as "organizer_id IN
     * (SELECT id FROM registrar_user ...)", H2 2.2 ran the subquery again for every active conference or session it
     * looked at, collecting the pool's users each time: a site's ten pools of 80,000 users with a hundred active
     * conferences took seconds per failback start, and the site plan started its pools one after another
     * (bench/README.md, "A whole site failed back"). Both engines take the table name as the correlation.
     */
    /** Active conferences organised by a user homed on the pool (?1) that a failback still affects (not DONE). */
    private static final String ORGANISED_BY_A_USER_FAILBACK_AFFECTS =
            "conference.state = 'ACTIVE' AND EXISTS (SELECT 1"
                    + " FROM registrar_user u WHERE u.id = conference.organizer_id AND u.home_pool_id = ?1"
                    + " AND u.failback_status IN ('ON_BACKUP', 'MOVED', 'FAILED'))";

    /** Active conferences organised by a user signed in to the pool (?1). */
    private static final String ORGANISED_BY_A_USER_THE_POOL_SERVES = "conference.state = 'ACTIVE' AND EXISTS (SELECT 1"
            + " FROM registrar_user u WHERE u.id = conference.organizer_id AND u.serving_pool_id = ?1)";

    @PersistenceContext(unitName = "failback")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public List<FrontEndPool> pools() {
        return em.createQuery("SELECT p FROM FrontEndPool p ORDER BY p.name", FrontEndPool.class)
                .getResultList();
    }

    public FrontEndPool pool(PoolName name) {
        return em.createQuery("SELECT p FROM FrontEndPool p WHERE p.name = :name", FrontEndPool.class)
                .setParameter("name", name.value())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new PoolNotFoundException(name.value()));
    }

    /**
     * The pool under a write lock, so concurrent state changes of one pool are serialised, with all its gates closed,
     * so no client request of its users runs until the change commits ({@link PoolGate}).
     */
    public FrontEndPool lockedPool(PoolName name) {
        // SELECT … FOR UPDATE reads the row as it is once locked; locking an already-loaded entity would fail with an
        // optimistic-lock error whenever another transaction changed the pool in between.
        FrontEndPool pool = em.createQuery("SELECT p FROM FrontEndPool p WHERE p.name = :name", FrontEndPool.class)
                .setParameter("name", name.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new PoolNotFoundException(name.value()));
        PoolGate.closeAll(em, pool.getId());
        return pool;
    }

    /**
     * The pool fails: every user signed in to it is signed out, every peer-to-peer session they take part in and
     * every conference they organise is terminated (seed 000, "User Experience During Failover").
     */
    public FrontEndPool outage(PoolName name) {
        FrontEndPool pool = lockedPool(name);
        Instant now = clock.instant();
        pool.outage(now);
        em.flush();
        int poolId = pool.getId();
        em.createNativeQuery(
                        "UPDATE p2p_session SET state = 'TERMINATED', version = version + 1 WHERE state = 'ACTIVE' AND"
                                + " EXISTS (SELECT 1 FROM registrar_user u WHERE u.id IN (p2p_session.party_a,"
                                + " p2p_session.party_b) AND u.serving_pool_id = ?1)")
                .setParameter(1, poolId)
                .executeUpdate();
        em.createNativeQuery(
                        "DELETE FROM conference_participant WHERE conference_id IN (SELECT id FROM conference WHERE "
                                + ORGANISED_BY_A_USER_THE_POOL_SERVES + ")")
                .setParameter(1, poolId)
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE conference SET state = 'TERMINATED', rejoin_allowed = FALSE, terminated_at = ?2, version = version + 1"
                                + " WHERE " + ORGANISED_BY_A_USER_THE_POOL_SERVES)
                .setParameter(1, poolId)
                .setParameter(2, now)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM conference_participant WHERE EXISTS (SELECT 1 FROM registrar_user u"
                        + " WHERE u.id = conference_participant.user_id AND u.serving_pool_id = ?1)")
                .setParameter(1, poolId)
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE registrar_user SET signed_in = FALSE, serving_pool_id = NULL, mode = NULL, updated_at = ?2,"
                                + " version = version + 1 WHERE serving_pool_id = ?1")
                .setParameter(1, poolId)
                .setParameter(2, now)
                .executeUpdate();
        em.clear();
        return pool(name);
    }

    /**
     * The pool came back before failover. Users who signed in to the backup pool after the resiliency timer expired
     * are signed out there, so their next sign-in lands on the home pool again.
     */
    public FrontEndPool recover(PoolName name) {
        FrontEndPool pool = lockedPool(name);
        pool.recover();
        em.createNativeQuery(
                        "UPDATE registrar_user SET signed_in = FALSE, serving_pool_id = NULL, mode = NULL, updated_at = ?2,"
                                + " version = version + 1 WHERE home_pool_id = ?1 AND serving_pool_id IS NOT NULL AND serving_pool_id <> ?1")
                .setParameter(1, pool.getId())
                .setParameter(2, clock.instant())
                .executeUpdate();
        return pool;
    }

    public FrontEndPool repair(PoolName name) {
        FrontEndPool pool = lockedPool(name);
        pool.repair();
        return pool;
    }

    public FrontEndPool changeResiliencyTimer(PoolName name, int seconds) {
        FrontEndPool pool = lockedPool(name);
        pool.changeResiliencyTimer(seconds);
        return pool;
    }

    /** Failover starts: from now on the pool's users sign in to the backup pool (in resiliency mode). */
    public FrontEndPool beginFailover(PoolName name) {
        FrontEndPool pool = lockedPool(name);
        pool.beginFailover();
        return pool;
    }

    /** Failover completes: users signed in to the backup pool leave resiliency mode. */
    public FrontEndPool completeFailover(PoolName name) {
        FrontEndPool pool = lockedPool(name);
        if (pool.getState() == PoolState.FAILED_OVER) {
            return pool;
        }
        pool.completeFailover(clock.instant());
        em.createNativeQuery("UPDATE registrar_user SET mode = 'REGULAR', updated_at = ?2, version = version + 1"
                        + " WHERE home_pool_id = ?1 AND signed_in AND mode = 'RESILIENCY'")
                .setParameter(1, pool.getId())
                .setParameter(2, clock.instant())
                .executeUpdate();
        return pool;
    }

    /**
     * Failback starts. Conferences organised by affected users are terminated in all modalities with a rejoin
     * offered (seed 000, "Ongoing conferences organized by affected user"); nobody can rejoin while the organiser
     * is in resiliency mode, which the experience policy decides at join time.
     */
    public FrontEndPool beginFailback(PoolName name) {
        FrontEndPool pool = lockedPool(name);
        pool.beginFailback();
        em.createNativeQuery(
                        "DELETE FROM conference_participant WHERE conference_id IN (SELECT id FROM conference WHERE "
                                + ORGANISED_BY_A_USER_FAILBACK_AFFECTS + ")")
                .setParameter(1, pool.getId())
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE conference SET state = 'TERMINATED', rejoin_allowed = TRUE, terminated_at = ?2, version = version + 1"
                                + " WHERE " + ORGANISED_BY_A_USER_FAILBACK_AFFECTS)
                .setParameter(1, pool.getId())
                .setParameter(2, clock.instant())
                .executeUpdate();
        return pool;
    }

    /** The conferences {@link #beginFailback} would terminate now: what a failback's dry run announces. */
    public long conferencesAFailbackWouldTerminate(PoolName name) {
        FrontEndPool pool = pool(name);
        return ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM conference WHERE " + ORGANISED_BY_A_USER_FAILBACK_AFFECTS)
                        .setParameter(1, pool.getId())
                        .getSingleResult())
                .longValue();
    }

    public FrontEndPool completeFailback(PoolName name) {
        FrontEndPool pool = lockedPool(name);
        if (pool.getState() == PoolState.NORMAL) {
            return pool;
        }
        pool.completeFailback(clock.instant());
        return pool;
    }

    public void recordJob(PoolName name, long jobExecutionId) {
        pool(name).recordJob(jobExecutionId);
    }
}
