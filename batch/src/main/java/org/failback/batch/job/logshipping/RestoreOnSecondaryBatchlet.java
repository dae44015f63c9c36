package org.failback.batch.job.logshipping;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;

/** Step {@code restore-on-secondary}: every copied file not yet restored, in order, checksum first. */
@Named("restoreOnSecondaryBatchlet")
@Dependent
public class RestoreOnSecondaryBatchlet extends LogShippingBatchlet {

    @Override
    protected String run(LogShippingService service, String pool, LoggingOperationLog log) throws Exception {
        return "RESTORED " + service.restore(pool, jobContext.getExecutionId(), log) + " file(s)";
    }
}
