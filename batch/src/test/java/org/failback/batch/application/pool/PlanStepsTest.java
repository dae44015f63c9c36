package org.failback.batch.application.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.application.lis.LisBackupChoice;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dry-run plan lists the steps the job XML runs, in its order, each described: the two cannot drift. */
class PlanStepsTest {

    private static final PlanSteps.Facts FACTS = new PlanSteps.Facts(
            PoolName.of("fe-a"),
            "fe-b",
            PoolState.NORMAL,
            10,
            3,
            1,
            null,
            new LisBackupChoice(Optional.empty(), List.of()));

    @ParameterizedTest
    @EnumSource(
            value = PoolJob.class,
            names = {"FAILOVER", "FAILBACK"})
    void planDescribesExactlyTheStepsOfTheJobXml(PoolJob job) {
        List<String> steps = job.steps();
        assertFalse(steps.isEmpty());
        assertEquals(Set.copyOf(steps), PlanSteps.describe(job, FACTS).keySet());
        List<String> plan = PlanSteps.of(job, FACTS);
        assertEquals(steps.size(), plan.size());
        for (int i = 0; i < steps.size(); i++) {
            assertTrue(plan.get(i).startsWith(steps.get(i) + ": "), plan.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolJob.class)
    void everyJobHasItsXml(PoolJob job) {
        assertFalse(job.steps().isEmpty());
        assertEquals(job, PoolJob.named(job.jobName()).orElseThrow());
    }
}
