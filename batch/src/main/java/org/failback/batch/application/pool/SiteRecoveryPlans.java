package org.failback.batch.application.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.failback.batch.application.jobs.JobView;
import org.failback.batch.application.jobs.JobViews;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.infrastructure.pool.SitePlanStore;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.domain.pool.SiteNotFoundException;

/**
 * A site's recovery plan (what SRM calls one; Lync's cmdlets act on one pool only): an outage, failover or failback of
 * every Front End pool of a site, each pool its own transaction or job under its own pool locks, so the jobs run side
 * by side and a pool that cannot start does not stop the others. The plan is recorded with a row per pool.
 */
@ApplicationScoped
public class SiteRecoveryPlans {

    /** What the plan does to each pool. */
    public enum Kind {
        OUTAGE,
        FAILOVER,
        FAILBACK
    }

    /** One pool of a plan: the execution it started (null for an outage), or why it was refused. */
    public record PoolOutcome(String pool, Long jobExecutionId, RuntimeException refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /** Every pool of the site was refused: nothing changed and nothing was recorded. */
    public static class AllPoolsRefusedException extends RuntimeException {
        private final transient List<PoolOutcome> outcomes;

        AllPoolsRefusedException(String site, List<PoolOutcome> outcomes) {
            super("no Front End pool of site " + site + " could start");
            this.outcomes = List.copyOf(outcomes);
        }

        public List<PoolOutcome> outcomes() {
            return outcomes;
        }
    }

    /*
     * A plan's parallelism is its pools: each pool's job moves its users on one partition. Two partitions per pool
     * doubled the writers queueing on the embedded engine's one store and the batch threads each job holds, so fewer
     * pools' jobs ran at once (bench/README.md, "A whole site failed back").
     */
    private static final PoolJobService.Options ONE_PARTITION_PER_POOL = new PoolJobService.Options(1, null, null);

    @Inject
    PoolService pools;

    @Inject
    PoolJobService jobs;

    @Inject
    SitePlanStore plans;

    @Inject
    JobViews views;

    /**
     * A plan of a site as one run: its status over all its pools' jobs, one progress, a row per pool; what the site view
     * and the run history show.
     */
    public record PlanView(
            long id,
            String site,
            String kind,
            Instant startedAt,
            String startedBy,
            String status,
            List<Long> jobExecutionIds,
            long itemsTotal,
            long itemsDone,
            double percent,
            List<PoolRow> pools) {}

    /**
     * One pool of the plan: its job's status and percent, or the refusal it got; {@code failedStep} names the step
     * where the pool's job failed or stopped (null while it runs or when it completed), so the site view says which
     * pool did not come back and where.
     */
    public record PoolRow(
            String pool,
            Long jobExecutionId,
            String status,
            Double percent,
            String code,
            String message,
            String failedStep) {}

    /** The pools of a site in name order; an unknown site (or one without Front End pools) → SiteNotFoundException. */
    public List<FrontEndPool> poolsOf(PoolName site) {
        List<FrontEndPool> found = pools.pools().stream()
                .filter(p -> p.getSite().getName().equals(site.value()))
                .toList();
        if (found.isEmpty()) {
            throw new SiteNotFoundException(site.value());
        }
        return found;
    }

    /**
     * Runs the plan: each pool on its own, refusals collected. {@code mapCode} turns a refusal into the API's error
     * code so the recorded rows say what the answer said.
     */
    public List<PoolOutcome> run(
            PoolName site, Kind kind, String startedBy, Function<RuntimeException, String> mapCode) {
        Instant startedAt = Instant.now();
        List<PoolOutcome> outcomes = new ArrayList<>();
        for (FrontEndPool pool : poolsOf(site)) {
            PoolName name = pool.poolName();
            try {
                outcomes.add(new PoolOutcome(name.value(), act(kind, name, startedBy), null));
            } catch (RuntimeException refusal) {
                outcomes.add(new PoolOutcome(name.value(), null, refusal));
            }
        }
        if (outcomes.stream().allMatch(PoolOutcome::refused)) {
            throw new AllPoolsRefusedException(site.value(), outcomes);
        }
        plans.record(
                site.value(),
                kind.name(),
                startedBy,
                startedAt,
                outcomes.stream()
                        .map(o -> new SitePlanStore.PoolRow(
                                o.pool(),
                                o.jobExecutionId(),
                                o.refused() ? mapCode.apply(o.refusal()) : null,
                                o.refused() ? o.refusal().getMessage() : null))
                        .toList());
        return outcomes;
    }

    /** Each pool's dry-run plan, or why it would be refused; nothing changes. */
    public List<Object> dryRun(PoolName site, Kind kind, Function<RuntimeException, Object> refusalView) {
        List<Object> each = new ArrayList<>();
        for (FrontEndPool pool : poolsOf(site)) {
            try {
                each.add(
                        switch (kind) {
                            case OUTAGE -> outagePlan(pool);
                            case FAILOVER -> jobs.plan(PoolJob.FAILOVER, pool.poolName(), null);
                            case FAILBACK -> jobs.plan(PoolJob.FAILBACK, pool.poolName(), null);
                        });
            } catch (RuntimeException refusal) {
                each.add(refusalView.apply(refusal));
            }
        }
        return each;
    }

    public Optional<PlanView> lastPlan(PoolName site) {
        poolsOf(site);
        return plans.last(site.value()).map(this::view);
    }

    /** The newest plans of a site, newest first. */
    public List<PlanView> history(PoolName site, int limit) {
        poolsOf(site);
        return plans.latest(site.value(), limit).stream().map(this::view).toList();
    }

    /** The newest plans of every site, newest first: the run history's site runs. */
    public List<PlanView> history(int limit) {
        return plans.latest(null, limit).stream().map(this::view).toList();
    }

    private PlanView view(SitePlanStore.Plan plan) {
        List<PoolRow> rows = new ArrayList<>();
        List<JobView> jobs = new ArrayList<>();
        for (SitePlanStore.PoolRow pool : plan.pools()) {
            if (pool.jobExecutionId() == null) {
                rows.add(new PoolRow(
                        pool.pool(),
                        null,
                        pool.refusedCode() == null ? "COMPLETED" : "REFUSED",
                        null,
                        pool.refusedCode(),
                        pool.refusedMessage(),
                        null));
                continue;
            }
            JobView job = views.view(pool.jobExecutionId());
            jobs.add(job);
            rows.add(new PoolRow(pool.pool(), job.id(), job.status(), job.percent(), null, null, failedStep(job)));
        }
        long total = jobs.stream().mapToLong(JobView::itemsTotal).sum();
        long done = jobs.stream().mapToLong(JobView::itemsDone).sum();
        return new PlanView(
                plan.id(),
                plan.site(),
                plan.kind(),
                plan.startedAt(),
                plan.startedBy(),
                status(rows),
                jobs.stream().map(JobView::id).toList(),
                total,
                done,
                total == 0 ? (jobs.isEmpty() ? 100.0 : 0.0) : Math.min(100.0, 100.0 * done / total),
                rows);
    }

    /** The first step of the job that ended FAILED or STOPPED, or null. */
    private static String failedStep(JobView job) {
        return job.steps().stream()
                .filter(s -> "FAILED".equals(s.status()) || "STOPPED".equals(s.status()))
                .map(JobView.Step::name)
                .findFirst()
                .orElse(null);
    }

    /**
     * One status for the plan: running while any pool's job runs, else FAILED or STOPPED when any ended so (the rows
     * say which), else COMPLETED. A refused pool does not fail the plan: it is in the rows with its code.
     */
    static String status(List<PoolRow> rows) {
        List<String> statuses = rows.stream()
                .map(PoolRow::status)
                .filter(s -> !"REFUSED".equals(s))
                .toList();
        for (String running : List.of("STARTING", "STARTED", "STOPPING")) {
            if (statuses.contains(running)) {
                return "STARTED";
            }
        }
        for (String ended : List.of("FAILED", "STOPPED", "ABANDONED")) {
            if (statuses.contains(ended)) {
                return ended;
            }
        }
        return "COMPLETED";
    }

    private Long act(Kind kind, PoolName pool, String startedBy) {
        return switch (kind) {
            case OUTAGE -> {
                pools.outage(pool);
                yield null;
            }
            case FAILOVER -> jobs.startFailover(pool, ONE_PARTITION_PER_POOL, startedBy);
            case FAILBACK -> jobs.startFailback(pool, ONE_PARTITION_PER_POOL, startedBy);
        };
    }

    private static OutagePlan outagePlan(FrontEndPool pool) {
        pool.requireOutagePossible();
        return new OutagePlan(
                pool.getName(),
                pool.getState().name(),
                List.of("outage: pool " + pool.getName() + " → DOWN; users signed in to it are signed out, their"
                        + " peer-to-peer sessions and the conferences they organise end, the resiliency timer of "
                        + pool.getResiliencyTimerSeconds() + " s starts"));
    }

    /** The dry run of an outage: the pool's state change, said in the plan's words. */
    public record OutagePlan(String pool, String poolState, List<String> steps) {}
}
