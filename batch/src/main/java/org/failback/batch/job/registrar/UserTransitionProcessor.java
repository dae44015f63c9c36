package org.failback.batch.job.registrar;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.failback.domain.registrar.Registration;
import org.failback.domain.registrar.UserTransition;

/** Applies the step's domain transition to one user; an already-moved user yields no change (filtered out). */
@Named
public class UserTransitionProcessor implements ItemProcessor {

    @Inject
    @BatchProperty
    String transition;

    @Inject
    @BatchProperty
    String backupPoolId;

    @Override
    public Object processItem(Object item) {
        UserRow user = (UserRow) item;
        Registration after = UserTransition.apply(transition, user.registration(), backupPoolId);
        return after.equals(user.registration()) ? null : new UserChange(user.registration(), after, user.sip());
    }
}
