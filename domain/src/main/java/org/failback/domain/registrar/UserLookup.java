package org.failback.domain.registrar;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolGate;

/**
 * Loads users for the client services. Locks are always taken in one order — the gates of the users' home pools by id,
 * then users by id, then (by the caller) conferences or sessions — so client requests cannot deadlock with each other
 * or with the pool service, whose state changes lock the pool and close all its gates before updating its users.
 * Holding a gate of the home pool means a sign-in cannot slip in between an outage's decision and its commit, while
 * requests of other stripes of the pool go on beside it ({@link PoolGate}).
 */
public final class UserLookup {

    private UserLookup() {}

    public static RegistrarUser find(EntityManager em, SipUri sip) {
        return em.createQuery("SELECT u FROM RegistrarUser u WHERE u.sip = :sip", RegistrarUser.class)
                .setParameter("sip", sip.value())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> UserNotFoundException.of(sip));
    }

    /** The user and their home pool, re-read under locks, so a decision is taken on state nobody changes meanwhile. */
    public static RegistrarUser lockWithHomePool(EntityManager em, SipUri sip) {
        return lockWithHomePools(em, sip).get(0);
    }

    /** Several users and their home pools, re-read under locks; answered in the order asked. */
    public static List<RegistrarUser> lockWithHomePools(EntityManager em, SipUri... sips) {
        return lockWithHomePools(em, Stream.of(sips).map(sip -> find(em, sip)).toList());
    }

    /** Users already found (by {@link #find}), re-read under locks with their home pools; answered in that order. */
    public static List<RegistrarUser> lockWithHomePools(EntityManager em, List<RegistrarUser> users) {
        users.stream()
                .map(user -> PoolGate.idOf(user.getHomePool().getId(), user.getId()))
                .distinct()
                .sorted()
                .forEach(gate -> PoolGate.pass(em, gate));
        // Read once the gates are held: a state change of the pool has committed, or waits for this request.
        users.stream()
                .map(RegistrarUser::getHomePool)
                .distinct()
                .sorted(Comparator.comparing(FrontEndPool::getId))
                .forEach(em::refresh);
        return lockRows(em, users);
    }

    /**
     * Locks the users' rows in id order and reads them afresh, answered in the order given. The query reads the user
     * table alone: H2 locks the rows of every table an inner join of a FOR UPDATE reads, and
     * {@code em.refresh(user, PESSIMISTIC_WRITE)} joins the user's home pool (a required association, so an inner
     * join). That took the pool row's lock in every request, so one pool's requests queued on it behind the gates,
     * and a request holding a gate deadlocked with a pool state change, which holds the pool row while it closes the
     * gates (bench/README.md, "The client API under load").
     */
    private static List<RegistrarUser> lockRows(EntityManager em, List<RegistrarUser> found) {
        List<Long> ids =
                found.stream().map(RegistrarUser::getId).distinct().sorted().toList();
        // Detached first, so the query's rows replace what was read before the locks rather than being ignored.
        found.forEach(em::detach);
        Map<Long, RegistrarUser> locked = em.createQuery(
                        "SELECT u FROM RegistrarUser u WHERE u.id IN :ids ORDER BY u.id", RegistrarUser.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .collect(Collectors.toMap(RegistrarUser::getId, Function.identity()));
        return found.stream().map(user -> locked.get(user.getId())).toList();
    }
}
