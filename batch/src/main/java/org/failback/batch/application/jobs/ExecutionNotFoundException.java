package org.failback.batch.application.jobs;

/** No job execution has that id. */
public class ExecutionNotFoundException extends RuntimeException {

    public ExecutionNotFoundException(long executionId) {
        super("no job execution " + executionId);
    }
}
