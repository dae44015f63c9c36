package org.failback.testhooks;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;

/**
 * A batchlet step that fails once after its work, as a lost connection or a full disk would after the data was
 * written: the armed step of the job whose {@code pool} parameter is the armed pool. The restart then runs the step
 * again over work already done, which is what a runbook step must survive.
 */
@ApplicationScoped
public class StepFaults {

    /** The step of the job of {@code pool} that fails once. */
    public record Fault(String pool, String step) {}

    private Fault armed;

    public synchronized void arm(Fault fault) {
        armed = fault;
    }

    public synchronized void disarm() {
        armed = null;
    }

    synchronized void afterWork(JobContext job, String step) {
        if (armed == null || !armed.step().equals(step)) {
            return;
        }
        Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        if (parameters == null || !armed.pool().equals(parameters.getProperty("pool"))) {
            return;
        }
        armed = null;
        throw new IllegalStateException("injected fault: step " + step + " of execution " + job.getExecutionId()
                + " failed after its work (test hook)");
    }
}
