package org.failback.web.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.PoolUserCounts;
import org.failback.domain.registrar.UserDirectory;

/**
 * The counts the portal shows of a pool whose users a job is moving (FAILING_OVER, FAILING_BACK), shared by every
 * page and poll for {@link #MAX_AGE}, the pages' poll interval. Counting walks the pool's users on an index (≈ 66 ms
 * for 80,000 on the busy development machine, seconds at 1,000,000), and each open pool page counted its pool on its
 * first request and again at every poll, beside the job: with it the portal counts a moving pool once per interval
 * however many operators watch. A pool in any other state is counted on every request, as before (its counts change
 * only with its users' own sign-ins), and a new state or job of the pool counts afresh at once.
 */
@ApplicationScoped
public class MovingPoolCounts {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Counted(PoolState state, Long job, PoolUserCounts counts, long countedAt) {}

    private final Map<Integer, Counted> byPool = new ConcurrentHashMap<>();

    @Inject
    UserDirectory directory;

    public PoolUserCounts of(FrontEndPool pool) {
        if (pool.getState() != PoolState.FAILING_OVER && pool.getState() != PoolState.FAILING_BACK) {
            byPool.remove(pool.getId());
            return directory.counts(pool);
        }
        long now = System.nanoTime();
        Counted last = byPool.get(pool.getId());
        if (last != null
                && last.state() == pool.getState()
                && Objects.equals(last.job(), pool.getLastJobExecutionId())
                && now - last.countedAt() < MAX_AGE.toNanos()) {
            return last.counts();
        }
        PoolUserCounts counts = directory.counts(pool);
        byPool.put(pool.getId(), new Counted(pool.getState(), pool.getLastJobExecutionId(), counts, now));
        return counts;
    }
}
