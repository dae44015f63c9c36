package org.failback.batch.application.pool;

import java.util.List;

/**
 * What a failover or failback would do, answered by a dry run ({@code ?dryRun=true}) without changing anything:
 * the runbook's steps and the users, sessions and conferences it touches. A failover also names the LIS backup it
 * would restore ({@code lisBackup}); null there means it has none usable and would leave the restore pending.
 * {@code backupPoolState} is the backup pool's state: a failback may run while it is DOWN, and says so.
 */
public record PoolJobPlan(
        String job,
        String pool,
        String backupPool,
        String poolState,
        List<String> steps,
        long usersAffected,
        long signedInUsersToMove,
        long conferencesToTerminate,
        Integer maxUsers,
        String lisBackup,
        String backupPoolState) {}
