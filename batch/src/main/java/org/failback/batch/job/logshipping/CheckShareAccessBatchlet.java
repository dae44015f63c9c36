package org.failback.batch.job.logshipping;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;

/** Step {@code check-share-access}: refuses the round, naming account, path and right, when access is missing. */
@Named("checkShareAccessBatchlet")
@Dependent
public class CheckShareAccessBatchlet extends LogShippingBatchlet {

    @Override
    protected String run(LogShippingService service, String pool, LoggingOperationLog log) throws Exception {
        return "SHARE ACCESS OK for "
                + service.checkShareAccess(pool, jobContext.getExecutionId(), log)
                        .size() + " database(s)";
    }
}
