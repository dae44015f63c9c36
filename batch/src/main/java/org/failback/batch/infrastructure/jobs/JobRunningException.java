package org.failback.batch.infrastructure.jobs;

/** Another job already changes this pool or its backup pool. */
public class JobRunningException extends RuntimeException {

    public JobRunningException(String message) {
        super(message);
    }
}
