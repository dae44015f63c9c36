package org.failback.domain.dbadmin;

import java.util.List;

/** What checking a backup found: {@code ok} only if every check passed; {@code checks} says what was checked. */
public record VerificationResult(BackupFile file, boolean ok, List<String> checks) {

    public VerificationResult {
        checks = List.copyOf(checks);
    }
}
