package org.failback.batch.lis;

import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import javax.sql.DataSource;
import org.failback.batch.dbadmin.LoggingOperationLog;
import org.failback.batch.jobs.JobLog;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.dbadmin.VerificationResult;

/**
 * Step {@code verify-backup} of {@code lis-backup}: restores the backup this job took into a scratch database and
 * compares checksum and row counts; a mismatch fails the step and leaves the backup recorded as not verified.
 */
@Named("verifyLisBackupBatchlet")
@Dependent
public class VerifyLisBackupBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Inject
    JobLog jobLog;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Override
    public String process() throws Exception {
        LoggingOperationLog log = LisJobSupport.log(jobContext, stepContext.getStepName(), jobLog);
        LisBackupService service = new LisBackupService(LisStorage.current(), log);
        try (Connection product = dataSource.getConnection()) {
            StoredBackup backup = new LisBackupRepository(product).findByJobInstance(jobContext.getInstanceId())
                    .orElseThrow(() -> new IllegalStateException("no backup was recorded by this job: step take-backup did not complete"));
            VerificationResult result = service.verify(product, backup);
            if (!result.ok()) {
                throw new CorruptBackupException("backup " + backup.fileName() + " did not verify: " + String.join("; ", result.checks()));
            }
            stepContext.setExitStatus(LisJobSupport.exitStatus("VERIFIED " + backup.fileName() + ": " + String.join("; ", result.checks())));
            return "VERIFIED";
        }
    }
}
