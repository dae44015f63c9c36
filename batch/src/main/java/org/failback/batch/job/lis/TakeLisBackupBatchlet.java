package org.failback.batch.job.lis;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.Optional;
import org.failback.batch.application.lis.LisBackupService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.pool.PoolName;

/** Step {@code take-backup} of {@code lis-backup}: a full backup of the pool's LIS database, recorded unverified. */
@Named("takeLisBackupBatchlet")
@Dependent
public class TakeLisBackupBatchlet extends LisBatchlet {

    @Inject
    @BatchProperty
    String pool;

    @Override
    protected String run(Connection product, LoggingOperationLog log) throws Exception {
        PoolName name = LisJobSupport.requiredPool(jobContext, pool, "pool");
        LisBackupService service = new LisBackupService(LisStorage.current(), log, jobContext.getExecutionId());
        LisBackupRepository backups = new LisBackupRepository(product);
        // A restart of this job instance reuses the backup it already took when the file is intact.
        Optional<StoredBackup> earlier = backups.findByJobInstance(jobContext.getInstanceId());
        if (earlier.isPresent() && service.intact(product, earlier.get())) {
            backups.attachExecution(earlier.get().id(), jobContext.getExecutionId());
            log.issued("backup " + earlier.get().fileName() + " of this job instance is intact: not taken again");
            exitWith("REUSED " + earlier.get().fileName());
            return "REUSED";
        }
        StoredBackup taken = service.take(product, name, jobContext.getInstanceId(), jobContext.getExecutionId());
        exitWith("BACKUP " + taken.fileName() + " " + taken.bytes() + " bytes SHA-256 " + taken.sha256());
        return "TAKEN";
    }
}
