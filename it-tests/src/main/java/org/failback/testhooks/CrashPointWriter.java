package org.failback.testhooks;

import jakarta.annotation.Priority;
import jakarta.batch.api.chunk.ItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;

/**
 * Parks a chunk step's partition at an armed crash point after the product's writer wrote the chunk, inside the
 * chunk's transaction: killed there, the chunk and its checkpoint are lost together.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION + 10)
public abstract class CrashPointWriter implements ItemWriter {

    @Inject
    @Delegate
    @Any
    ItemWriter delegate;

    @Inject
    CrashPoints crashPoints;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        delegate.writeItems(items);
        crashPoints.chunkWritten(job, step.getStepName(), items.size());
    }
}
