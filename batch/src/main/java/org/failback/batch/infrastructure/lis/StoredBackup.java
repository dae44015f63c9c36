package org.failback.batch.infrastructure.lis;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.failback.domain.lis.LisBackup;
import org.failback.domain.pool.PoolName;

/** A row of lis_backup, with what verification needs (row counts at backup time). */
public record StoredBackup(
        long id,
        PoolName pool,
        String fileName,
        Instant takenAt,
        long bytes,
        String sha256,
        Map<String, Long> rowCounts,
        boolean verified,
        String verification,
        Long jobInstanceId,
        Long jobExecutionId) {

    public LisBackup toLisBackup() {
        return new LisBackup(id, pool.value(), fileName, takenAt, bytes, sha256, verified, jobExecutionId);
    }

    static String encode(Map<String, Long> rowCounts) {
        return new TreeMap<>(rowCounts)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static Map<String, Long> decode(String text) {
        Map<String, Long> counts = new TreeMap<>();
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(";"))
                    .map(p -> p.split("=", 2))
                    .forEach(p -> counts.put(p[0], Long.parseLong(p[1])));
        }
        return counts;
    }
}
