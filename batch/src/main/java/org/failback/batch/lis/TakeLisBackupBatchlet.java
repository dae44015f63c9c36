package org.failback.batch.lis;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.failback.batch.dbadmin.LoggingOperationLog;
import org.failback.batch.jobs.JobLog;
import org.failback.domain.pool.PoolName;

/** Step {@code take-backup} of {@code lis-backup}: a full backup of the pool's LIS database, recorded unverified. */
@Named("takeLisBackupBatchlet")
@Dependent
public class TakeLisBackupBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    @BatchProperty
    String pool;

    @Inject
    JobLog jobLog;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Override
    public String process() throws Exception {
        PoolName name = LisJobSupport.requiredPool(jobContext, pool, "pool");
        LoggingOperationLog log = LisJobSupport.log(jobContext, stepContext.getStepName(), jobLog);
        LisBackupService service = new LisBackupService(LisStorage.current(), log);
        try (Connection product = dataSource.getConnection()) {
            LisBackupRepository backups = new LisBackupRepository(product);
            // A restart of this job instance reuses the backup it already took when the file is intact.
            Optional<StoredBackup> earlier = backups.findByJobInstance(jobContext.getInstanceId());
            if (earlier.isPresent() && service.intact(earlier.get())) {
                backups.attachExecution(earlier.get().id(), jobContext.getExecutionId());
                log.issued("backup " + earlier.get().fileName() + " of this job instance is intact: not taken again");
                stepContext.setExitStatus(LisJobSupport.exitStatus("REUSED " + earlier.get().fileName()));
                return "REUSED";
            }
            StoredBackup taken = service.take(product, name, jobContext.getInstanceId(), jobContext.getExecutionId());
            stepContext.setExitStatus(LisJobSupport.exitStatus("BACKUP " + taken.fileName() + " " + taken.bytes() + " bytes SHA-256 " + taken.sha256()));
            return "TAKEN";
        }
    }
}
