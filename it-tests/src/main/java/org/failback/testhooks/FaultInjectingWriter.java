package org.failback.testhooks;

import jakarta.annotation.Priority;
import jakarta.batch.api.chunk.ItemWriter;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.failback.batch.job.registrar.UserChange;

/**
 * Fails the write of a chunk holding a user a test chose, a given number of times, as a lock timeout would. It throws
 * after the product's writer wrote the chunk, so a retried chunk proves everything the writer did rolls back with it.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class FaultInjectingWriter implements ItemWriter {

    @Inject
    @Delegate
    @Any
    ItemWriter delegate;

    @Inject
    FaultInjection faults;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        delegate.writeItems(items);
        faults.failTransiently(items.stream()
                .filter(UserChange.class::isInstance)
                .map(item -> ((UserChange) item).sip())
                .toList());
    }
}
