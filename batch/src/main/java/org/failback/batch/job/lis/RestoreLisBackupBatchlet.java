package org.failback.batch.job.lis;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import org.failback.batch.application.lis.LisBackupService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.batch.infrastructure.lis.LisLocationStore;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.domain.lis.NoLisBackupException;
import org.failback.domain.pool.PoolName;

/**
 * Step {@code restore-lis-backup}, shared by {@code pool-failover} and {@code lis-restore}: the failed pool's latest
 * verified LIS backup, SHA-256 checked, restored (REPLACE, RECOVERY) into a staging database and merged into the
 * backup pool's LIS database, which keeps its own locations. Properties (else job parameters of the same name):
 * {@code pool} (the failed pool, required) and {@code backupPool} (default: the pool's backup pool in topology).
 * Idempotent, so a restarted job may run it again. The newest backup that is verified and matches its checksum is
 * used; newer ones passed over are named in the log. No usable backup → the step fails saying how to take one, unless
 * {@code whenNoBackup} is {@code LEAVE_PENDING} (failover): seed 000 makes the restore a best practice after the
 * failover, so the failover goes on, its exit status and log say why, and the pool shows {@code lisRestorePending}
 * until a restore succeeds (which clears it).
 */
@Named("restoreLisBackupBatchlet")
@Dependent
public class RestoreLisBackupBatchlet extends LisBatchlet {

    @Inject
    @BatchProperty
    String pool;

    @Inject
    @BatchProperty
    String backupPool;

    @Inject
    @BatchProperty
    String whenNoBackup;

    @Override
    protected String run(Connection product, LoggingOperationLog log) throws Exception {
        PoolName failed = LisJobSupport.requiredPool(jobContext, pool, "pool");
        LisBackupRepository backups = new LisBackupRepository(product);
        backups.requirePool(failed);
        String configured = LisJobSupport.property(jobContext, backupPool, "backupPool");
        PoolName target = configured != null
                ? PoolName.of(configured)
                : backups.backupPoolOf(failed)
                        .orElseThrow(() -> new IllegalStateException(
                                "pool " + failed + " has no backup pool to restore its LIS backup into"));
        backups.requirePool(target);
        if (target.equals(failed)) {
            throw new IllegalArgumentException("backupPool must differ from pool " + failed);
        }
        LisLocationStore.MergeResult result;
        try {
            result = new LisBackupService(LisStorage.current(), log, jobContext.getExecutionId())
                    .restoreIntoBackupPool(product, failed, target);
        } catch (NoLisBackupException e) {
            if (!"LEAVE_PENDING".equals(whenNoBackup)) {
                throw e;
            }
            backups.markLisRestorePending(failed, e.getMessage());
            String pending = "LIS_RESTORE_PENDING: the LIS restore of " + failed + " into " + target
                    + " was not done (" + e.getMessage() + "); then POST /api/lis/" + target + "/restores {\"from\": \""
                    + failed + "\"}";
            // The step's exit status is what the job log shows for it; complete-failover puts it on the job.
            return LisJobSupport.exitStatus(pending);
        }
        if (backups.backupPoolOf(failed).filter(target::equals).isPresent()) {
            backups.clearLisRestorePending(failed);
        }
        stepContext.setExitStatus(LisJobSupport.exitStatus("RESTORED LIS of " + failed + " into " + target + ": "
                + result.inserted() + " inserted, " + result.updated() + " updated, " + result.skipped() + " skipped"));
        return "RESTORED";
    }
}
