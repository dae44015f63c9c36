package org.failback.testhooks;

import jakarta.annotation.Priority;
import jakarta.batch.api.Batchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Parks a batchlet step at an armed crash point after the product's batchlet did its work and before the runtime
 * records the step as completed: killed there, a restart runs the step again over work already done.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION + 10)
public abstract class CrashPointBatchlet implements Batchlet {

    @Inject
    @Delegate
    @Any
    Batchlet delegate;

    @Inject
    CrashPoints crashPoints;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Override
    public String process() throws Exception {
        String exitStatus = delegate.process();
        crashPoints.batchletDone(job, step.getStepName());
        return exitStatus;
    }
}
