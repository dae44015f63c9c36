package org.failback.batch.job.logshipping;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;

/** Step {@code copy-to-secondary}: every file not yet copied, in order. */
@Named("copyToSecondaryBatchlet")
@Dependent
public class CopyToSecondaryBatchlet extends LogShippingBatchlet {

    @Override
    protected String run(LogShippingService service, String pool, LoggingOperationLog log) throws Exception {
        return "COPIED " + service.copy(pool, jobContext.getExecutionId(), log) + " file(s)";
    }
}
