package org.failback.domain.registrar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.failback.domain.pool.FrontEndPool;

/**
 * Read side of the registrar for operators: counts and pages of a pool's users. Every query is shaped for an index
 * that starts with {@code home_pool_id} (see the migrations), so a 20,000-user pool is counted and paged without a
 * table scan.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UserDirectory {

    @PersistenceContext(unitName = "failback")
    EntityManager em;

    /** Homed users per pool id, one grouped COUNT for all pools. */
    public Map<Integer, Long> homedUsersPerPool() {
        Map<Integer, Long> homed = new HashMap<>();
        em.createQuery("SELECT u.homePool.id, COUNT(u) FROM RegistrarUser u GROUP BY u.homePool.id", Object[].class)
                .getResultList()
                .forEach(row -> homed.put((Integer) row[0], (Long) row[1]));
        return homed;
    }

    public PoolUserCounts counts(FrontEndPool pool) {
        Map<FailbackStatus, Long> perStatus = new EnumMap<>(FailbackStatus.class);
        em.createQuery("SELECT u.failbackStatus, COUNT(u) FROM RegistrarUser u WHERE u.homePool = :pool GROUP BY u.failbackStatus",
                        Object[].class)
                .setParameter("pool", pool)
                .getResultList()
                .forEach(row -> perStatus.put((FailbackStatus) row[0], (Long) row[1]));
        long signedIn = em.createQuery("SELECT COUNT(u) FROM RegistrarUser u WHERE u.homePool = :pool AND u.signedIn = TRUE", Long.class)
                .setParameter("pool", pool)
                .getSingleResult();
        return PoolUserCounts.of(perStatus, signedIn);
    }

    public UserPage page(FrontEndPool pool, UserQuery query) {
        String filter = " WHERE u.homePool = :pool"
                + (query.status() == null ? "" : " AND u.failbackStatus = :status")
                + (query.sipPrefix() == null ? "" : " AND u.sip LIKE :prefix ESCAPE '!'");
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM RegistrarUser u" + filter, Long.class);
        TypedQuery<RegistrarUser> items = em.createQuery("SELECT u FROM RegistrarUser u" + filter
                + (query.after() == null ? "" : " AND u.sip > :after") + " ORDER BY u.sip", RegistrarUser.class);
        bind(count, pool, query);
        bind(items, pool, query);
        if (query.after() != null) {
            items.setParameter("after", query.after().value());
        }
        List<RegistrarUser> page = items.setFirstResult(query.offset()).setMaxResults(query.size()).getResultList();
        return new UserPage(count.getSingleResult(), query.page(), query.size(), page);
    }

    public RegistrarUser user(SipUri sip) {
        return em.createQuery("SELECT u FROM RegistrarUser u WHERE u.sip = :sip", RegistrarUser.class)
                .setParameter("sip", sip.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> UserNotFoundException.of(sip));
    }

    /** A user of one pool: asking a pool about a user homed elsewhere is a 404 like an unknown user. */
    public RegistrarUser homedOn(FrontEndPool pool, SipUri sip) {
        RegistrarUser user = user(sip);
        if (!user.getHomePool().getId().equals(pool.getId())) {
            throw new UserNotFoundException("user " + sip + " is not homed on pool " + pool.getName());
        }
        return user;
    }

    private static void bind(TypedQuery<?> query, FrontEndPool pool, UserQuery filter) {
        query.setParameter("pool", pool);
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.sipPrefix() != null) {
            query.setParameter("prefix", filter.likePattern());
        }
    }
}
