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
import org.failback.domain.pool.PoolName;

/**
 * Step {@code restore-lis-backup}, shared by {@code pool-failover} and {@code lis-restore}: the failed pool's latest
 * verified LIS backup, SHA-256 checked, restored (REPLACE, RECOVERY) into a staging database and merged into the
 * backup pool's LIS database, which keeps its own locations. Properties (else job parameters of the same name):
 * {@code pool} (the failed pool, required) and {@code backupPool} (default: the pool's backup pool in topology).
 * Idempotent, so a restarted job may run it again. No verified backup → the step fails saying how to take one.
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
        LisLocationStore.MergeResult result = new LisBackupService(
                        LisStorage.current(), log, jobContext.getExecutionId())
                .restoreIntoBackupPool(product, failed, target);
        stepContext.setExitStatus(LisJobSupport.exitStatus("RESTORED LIS of " + failed + " into " + target + ": "
                + result.inserted() + " inserted, " + result.updated() + " updated, " + result.skipped() + " skipped"));
        return "RESTORED";
    }
}
