package org.failback.domain.dbadmin;

import java.time.Instant;
import java.util.Map;

/**
 * A backup taken: its size, its SHA-256 (hex, lower case; null only when the file is not readable from here, which
 * the adapter then says in the log) and, where the engine can count them consistently, the rows per table it holds.
 */
public record BackupResult(BackupFile file, long bytes, String sha256, Instant takenAt, Map<String, Long> rowCounts) {

    public BackupResult {
        rowCounts = rowCounts == null ? Map.of() : Map.copyOf(rowCounts);
    }
}
