package org.failback.batch.job.registrar;

import jakarta.batch.api.chunk.listener.RetryWriteListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.failback.batch.infrastructure.jobs.JobLog;

/**
 * Says in the job log when a chunk's write failed transiently (a lock timeout, say): the runtime has rolled the chunk
 * back, users and checkpoint alike, and writes its users again one at a time.
 */
@Named
public class ChunkRetryListener implements RetryWriteListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    JobLog log;

    @Override
    public void onRetryWriteException(List<Object> items, Exception cause) {
        String first = items.isEmpty() ? "" : " from " + ((UserChange) items.get(0)).sip();
        log.logApart(
                job.getExecutionId(),
                step.getStepName(),
                "RETRY chunk of " + items.size() + " users" + first + ": " + cause.getMessage()
                        + " (rolled back; writing its users again one at a time)");
    }
}
