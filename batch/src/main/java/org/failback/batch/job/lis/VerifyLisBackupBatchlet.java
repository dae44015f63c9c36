package org.failback.batch.job.lis;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.sql.Connection;
import org.failback.batch.application.lis.LisBackupService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.VerificationResult;

/**
 * Step {@code verify-backup} of {@code lis-backup}: restores the backup this job took into a scratch database and
 * compares checksum and row counts; a mismatch fails the step and leaves the backup recorded as not verified.
 */
@Named("verifyLisBackupBatchlet")
@Dependent
public class VerifyLisBackupBatchlet extends LisBatchlet {

    @Override
    protected String run(Connection product, LoggingOperationLog log) throws Exception {
        LisBackupService service = new LisBackupService(LisStorage.current(), log, jobContext.getExecutionId());
        StoredBackup backup = new LisBackupRepository(product)
                .findByJobInstance(jobContext.getInstanceId())
                .orElseThrow(() -> new IllegalStateException(
                        "no backup was recorded by this job: step take-backup did not complete"));
        VerificationResult result = service.verify(product, backup);
        if (!result.ok()) {
            throw new CorruptBackupException(
                    "backup " + backup.fileName() + " did not verify: " + String.join("; ", result.checks()));
        }
        exitWith("VERIFIED " + backup.fileName() + ": " + String.join("; ", result.checks()));
        return "VERIFIED";
    }
}
