package org.failback.domain.pool;

/** A pool (or user) operation that its current state does not allow; nothing was changed. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
