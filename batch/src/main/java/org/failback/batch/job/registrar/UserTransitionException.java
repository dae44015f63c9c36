package org.failback.batch.job.registrar;

/** One user could not be moved; skippable, so the rest of the pool goes on and the user is marked FAILED. */
public class UserTransitionException extends RuntimeException {

    public UserTransitionException(String message) {
        super(message);
    }
}
