package org.failback.domain.registrar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.failback.domain.pool.FrontEndPool;

/**
 * Read side of the registrar for operators: counts and pages of a pool's users. Every query is shaped for an index
 * that starts with {@code home_pool_id} (see the migrations), so a 20,000-user pool is counted and paged without a
 * table scan.
 */
@ApplicationScoped
@Transactional
public class UserDirectory {

    /**
     * A range on the SIP URI that every user is in (each sorts after ''): it is what keeps H2 on the (pool, SIP) index
     * for a page. Once H2's automatic ANALYZE has measured home_pool_id (a few values over the whole table: a failback
     * changes enough rows to run it), an equality on the pool alone made H2 2.2 read the pool through the foreign-key
     * index on home_pool_id, fetch every row and sort them for each page: 0.6-1.1 s for the first page of an
     * 80,000-user pool during a failback, 0.5 ms with this range (bench/portal-users.sh, DURING_FAILBACK=1).
     */
    static final String IN_SIP_ORDER = " AND u.sip > ''";

    private static final Set<FailbackStatus> COUNTED =
            EnumSet.of(FailbackStatus.ON_BACKUP, FailbackStatus.MOVED, FailbackStatus.DONE, FailbackStatus.FAILED);

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

    /**
     * The pool's users, signed-in users and the users in each status an operator follows. Counted one status at a time
     * on the (pool, status, SIP) index, and all of them on the foreign-key index of the pool, instead of one GROUP BY:
     * grouping costs H2 a hash lookup per user (an 80,000-user pool during a failback: 170 ms grouped, 51 + 15 ms so),
     * and a pool not failed over has no user in these statuses at all. During a job the counts are live progress: each
     * is exact when read, the job may commit a chunk between two of them.
     */
    public PoolUserCounts counts(FrontEndPool pool) {
        long homed = em.createQuery("SELECT COUNT(u) FROM RegistrarUser u WHERE u.homePool = :pool", Long.class)
                .setParameter("pool", pool)
                .getSingleResult();
        Map<FailbackStatus, Long> perStatus = new EnumMap<>(FailbackStatus.class);
        TypedQuery<Long> inStatus = em.createQuery(
                "SELECT COUNT(u) FROM RegistrarUser u WHERE u.homePool = :pool AND u.failbackStatus = :status",
                Long.class);
        inStatus.setParameter("pool", pool);
        for (FailbackStatus status : COUNTED) {
            perStatus.merge(
                    status.seenWhile(pool.getState()),
                    inStatus.setParameter("status", status).getSingleResult(),
                    Long::sum);
        }
        long signedIn = em.createQuery(
                        "SELECT COUNT(u) FROM RegistrarUser u WHERE u.homePool = :pool AND u.signedIn = TRUE",
                        Long.class)
                .setParameter("pool", pool)
                .getSingleResult();
        return PoolUserCounts.of(homed, perStatus, signedIn);
    }

    public UserPage page(FrontEndPool pool, UserQuery query) {
        return new UserPage(count(pool, query), query.page(), query.size(), items(pool, query));
    }

    /** How many users match the query's status and prefix (its paging is ignored). */
    public long count(FrontEndPool pool, UserQuery query) {
        if (storedStatuses(pool, query).isEmpty()) {
            return 0;
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM RegistrarUser u" + filter(query), Long.class);
        bind(count, pool, query);
        return count.getSingleResult();
    }

    /**
     * One page without counting, sorted by SIP URI; {@code after} continues after the last SIP URI of the previous page,
     * which tables paging forward use to stay on the index instead of an offset. The ORDER BY names the columns the
     * WHERE fixes too: only then does H2 read the index in order and stop after one page (without them it sorted the
     * whole pool, ≈ 100 ms per page at 1,000,000 users). A deep page is found in two steps: the SIP URI it starts at,
     * skipping on the index alone, then one page from there; skipping with whole rows read each skipped row (≈ 2.5 s
     * for page 1,000 of a 1,000,000-user pool on a cold H2 file). Every page also starts after '' ({@link
     * #IN_SIP_ORDER}).
     */
    public List<RegistrarUser> items(FrontEndPool pool, UserQuery query) {
        Set<FailbackStatus> stored = storedStatuses(pool, query);
        if (stored.isEmpty()) {
            return List.of();
        }
        // One stored status: its (pool, status, SIP) index is in SIP order. Two (DONE, and MOVED seen as DONE): the
        // (pool, SIP) index is, and after a completed failback nearly every user of the pool matches.
        String order = query.status() == null || stored.size() > 1
                ? " ORDER BY u.homePool.id, u.sip"
                : " ORDER BY u.homePool.id, u.failbackStatus, u.sip";
        String from = null;
        if (query.after() == null && query.offset() > 0) {
            TypedQuery<String> start = em.createQuery(
                    "SELECT u.sip FROM RegistrarUser u" + filter(query) + IN_SIP_ORDER + order, String.class);
            bind(start, pool, query);
            List<String> first =
                    start.setFirstResult(query.offset()).setMaxResults(1).getResultList();
            if (first.isEmpty()) {
                return List.of();
            }
            from = first.get(0);
        }
        TypedQuery<RegistrarUser> items = em.createQuery(
                "SELECT u FROM RegistrarUser u" + filter(query) + IN_SIP_ORDER
                        + (query.after() == null ? "" : " AND u.sip > :after")
                        + (from == null ? "" : " AND u.sip >= :from") + order,
                RegistrarUser.class);
        bind(items, pool, query);
        if (query.after() != null) {
            items.setParameter("after", query.after().value());
            items.setFirstResult(query.offset());
        }
        if (from != null) {
            items.setParameter("from", from);
        }
        return items.setMaxResults(query.size()).getResultList();
    }

    /**
     * The stored statuses the query's status filter stands for, as the pool's state makes them ({@link
     * FailbackStatus#storedWhile}); all of them when it has none.
     */
    private static Set<FailbackStatus> storedStatuses(FrontEndPool pool, UserQuery query) {
        return query.status() == null
                ? EnumSet.allOf(FailbackStatus.class)
                : query.status().storedWhile(pool.getState());
    }

    private static String filter(UserQuery query) {
        return " WHERE u.homePool = :pool"
                + (query.status() == null ? "" : " AND u.failbackStatus IN :statuses")
                + (query.sipPrefix() == null ? "" : " AND u.sip LIKE :prefix ESCAPE '!'");
    }

    public RegistrarUser user(SipUri sip) {
        return em.createQuery("SELECT u FROM RegistrarUser u WHERE u.sip = :sip", RegistrarUser.class)
                .setParameter("sip", sip.value())
                .getResultStream()
                .findFirst()
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
            query.setParameter("statuses", storedStatuses(pool, filter));
        }
        if (filter.sipPrefix() != null) {
            query.setParameter("prefix", filter.likePattern());
        }
    }
}
