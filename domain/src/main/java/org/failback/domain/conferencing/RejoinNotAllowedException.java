package org.failback.domain.conferencing;

/** A terminated conference that nobody may rejoin now (its organiser is still in resiliency mode, or no rejoin was offered). */
public class RejoinNotAllowedException extends RuntimeException {

    public RejoinNotAllowedException(String message) {
        super(message);
    }
}
