package org.failback.batch.job.logshipping;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;

/** Step {@code backup-to-share}: one backup per database on the primary, recorded as the next file. */
@Named("backupToShareBatchlet")
@Dependent
public class BackupToShareBatchlet extends LogShippingBatchlet {

    @Override
    protected String run(LogShippingService service, String pool, LoggingOperationLog log) throws Exception {
        return "BACKED UP " + service.backup(pool, jobContext.getInstanceId(), jobContext.getExecutionId(), log);
    }
}
