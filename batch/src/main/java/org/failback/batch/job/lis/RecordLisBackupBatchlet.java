package org.failback.batch.job.lis;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.sql.Connection;
import java.util.List;
import org.failback.batch.application.lis.LisBackupService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.lis.LisBackupSchedule;

/**
 * Step {@code record-backup} of {@code lis-backup}: marks the verified backup usable for failover and applies the
 * pool's retention ({@code keep} of its schedule; no schedule, no retention).
 */
@Named("recordLisBackupBatchlet")
@Dependent
public class RecordLisBackupBatchlet extends LisBatchlet {

    @Override
    protected String run(Connection product, LoggingOperationLog log) throws Exception {
        LisBackupService service = new LisBackupService(LisStorage.current(), log, jobContext.getExecutionId());
        LisBackupRepository backups = new LisBackupRepository(product);
        StoredBackup backup = backups.findByJobInstance(jobContext.getInstanceId())
                .orElseThrow(() -> new IllegalStateException(
                        "no backup was recorded by this job: step take-backup did not complete"));
        service.markVerified(product, backup, backup.verification() == null ? "verified" : backup.verification());
        log.issued("backup " + backup.fileName() + " of pool " + backup.pool() + " recorded as verified");
        List<String> deleted = backups.schedule(backup.pool())
                .map(LisBackupSchedule::keep)
                .map(keep -> {
                    try {
                        return service.applyRetention(product, backup.pool(), keep);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("retention failed: " + e.getMessage(), e);
                    }
                })
                .orElse(List.of());
        exitWith("RECORDED " + backup.fileName() + (deleted.isEmpty() ? "" : ", retention deleted " + deleted));
        return "RECORDED";
    }
}
