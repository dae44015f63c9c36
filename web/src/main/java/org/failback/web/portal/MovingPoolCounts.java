package org.failback.web.portal;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.PoolUserCounts;
import org.failback.domain.registrar.UserDirectory;

/**
 * The counts the portal shows of a pool whose users a job is moving (FAILING_OVER, FAILING_BACK), shared by every
 * page and poll. Counting walks the pool's users on an index (≈ 66 ms for 80,000 on the busy development machine,
 * seconds at 1,000,000), and each open pool page counted its pool on its first request and again at every poll,
 * beside the job: with it the portal counts a moving pool once per {@link #MAX_AGE}, the pages' poll interval,
 * however many operators watch. Once counts are older than that, the request that finds them answers with them and
 * has them counted again in the background: a page request during a failback no longer waits for a count (the
 * request that recounted was the p95 of the pool page, bench/README.md). The first request of a new state or job of
 * the pool counts at once, so counts of another state are never shown. A pool in any other state is counted on every
 * request, as before (its counts change only with its users' own sign-ins).
 */
@ApplicationScoped
public class MovingPoolCounts {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Counted(PoolState state, Long job, PoolUserCounts counts, long countedAt) {

        boolean isOf(FrontEndPool pool) {
            return state == pool.getState() && Objects.equals(job, pool.getLastJobExecutionId());
        }
    }

    private final Map<Integer, Counted> byPool = new ConcurrentHashMap<>();
    private final Set<Integer> recounting = ConcurrentHashMap.newKeySet();

    @Inject
    UserDirectory directory;

    @Resource
    ManagedExecutorService executor;

    public PoolUserCounts of(FrontEndPool pool) {
        if (pool.getState() != PoolState.FAILING_OVER && pool.getState() != PoolState.FAILING_BACK) {
            byPool.remove(pool.getId());
            return directory.counts(pool);
        }
        Counted last = byPool.get(pool.getId());
        if (last == null || !last.isOf(pool)) {
            return count(pool).counts();
        }
        if (System.nanoTime() - last.countedAt() >= MAX_AGE.toNanos()) {
            recountInBackground(pool);
        }
        return last.counts();
    }

    private Counted count(FrontEndPool pool) {
        long started = System.nanoTime();
        Counted counted = new Counted(pool.getState(), pool.getLastJobExecutionId(), directory.counts(pool), started);
        // A recount begun before another one (of an older state or job, say) that ends after it must not replace it.
        byPool.merge(pool.getId(), counted, (current, next) -> next.countedAt() > current.countedAt() ? next : current);
        return counted;
    }

    private void recountInBackground(FrontEndPool pool) {
        if (!recounting.add(pool.getId())) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    count(pool);
                } finally {
                    recounting.remove(pool.getId());
                }
            });
        } catch (RejectedExecutionException e) {
            recounting.remove(pool.getId());
        }
    }
}
