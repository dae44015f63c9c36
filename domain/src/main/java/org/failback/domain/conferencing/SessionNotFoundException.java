package org.failback.domain.conferencing;

/** No conference or peer-to-peer session has that id. */
public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException(String message) {
        super(message);
    }
}
