package org.failback.testhooks;

import jakarta.annotation.Priority;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.failback.batch.job.registrar.UserRow;
import org.failback.batch.job.registrar.UserTransitionException;

/**
 * Fails the transition of a user a test chose, as a broken user record would: the job skips that user and marks it
 * FAILED. A decorator of the product's processor, so the product has no fault check of its own.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class FaultInjectingProcessor implements ItemProcessor {

    @Inject
    @Delegate
    @Any
    ItemProcessor delegate;

    @Inject
    FaultInjection faults;

    @Override
    public Object processItem(Object item) throws Exception {
        if (item instanceof UserRow user && faults.shouldFail(user.sip())) {
            throw new UserTransitionException("injected fault for " + user.sip());
        }
        return delegate.processItem(item);
    }
}
