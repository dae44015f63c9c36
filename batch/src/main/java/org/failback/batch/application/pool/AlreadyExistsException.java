package org.failback.batch.application.pool;

/** A topology element with that name exists already (409 ALREADY_EXISTS); nothing was created. */
public class AlreadyExistsException extends RuntimeException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
