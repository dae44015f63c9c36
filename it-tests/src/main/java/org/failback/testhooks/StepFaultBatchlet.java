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

/** Fails a batchlet step once after the product's batchlet did its work, when {@link StepFaults} is armed for it. */
@Decorator
@Priority(Interceptor.Priority.APPLICATION + 20)
public abstract class StepFaultBatchlet implements Batchlet {

    @Inject
    @Delegate
    @Any
    Batchlet delegate;

    @Inject
    StepFaults faults;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Override
    public String process() throws Exception {
        String exitStatus = delegate.process();
        faults.afterWork(job, step.getStepName());
        return exitStatus;
    }
}
