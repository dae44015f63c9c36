package org.failback.domain.lis;

import java.time.Instant;

/**
 * One backup of a pool's LIS database: file name in the pool's backup folder, when, size, SHA-256 and whether a
 * scratch restore verified it. Only verified backups are restored by failover.
 */
public record LisBackup(
        long id,
        String pool,
        String file,
        Instant takenAt,
        long bytes,
        String checksum,
        boolean verified,
        Long jobExecutionId) {}
