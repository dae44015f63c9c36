package org.failback.batch.application.lis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.pool.PoolName;

/**
 * Which LIS backup a restore uses (seed 000: "use the latest backup copy"): the newest that was verified and still
 * matches its checksum, with a sentence for every newer one passed over, so the job log says why an older one was
 * restored, or why none could be.
 *
 * @param passedOver one sentence per newer backup that was not used, newest first
 */
public record LisBackupChoice(Optional<StoredBackup> backup, List<String> passedOver) {

    public LisBackupChoice {
        passedOver = List.copyOf(passedOver);
    }

    /** @param newestFirst the pool's backups as recorded, newest first */
    public static LisBackupChoice of(List<StoredBackup> newestFirst, Predicate<StoredBackup> intact) {
        List<String> passedOver = new ArrayList<>();
        for (StoredBackup backup : newestFirst) {
            if (!backup.verified()) {
                passedOver.add(backup.fileName() + " (taken " + backup.takenAt() + ") is not verified"
                        + (backup.verification() == null ? "" : ": " + backup.verification()));
            } else if (!intact.test(backup)) {
                passedOver.add(backup.fileName() + " (taken " + backup.takenAt()
                        + ") fails its SHA-256 check: the file is missing or changed since it was verified");
            } else {
                return new LisBackupChoice(Optional.of(backup), passedOver);
            }
        }
        return new LisBackupChoice(Optional.empty(), passedOver);
    }

    /** Why nothing can be restored; only meaningful when {@link #backup} is empty. */
    public String whyNone(PoolName pool) {
        return passedOver.isEmpty()
                ? "pool " + pool + " has no LIS backup"
                : "no usable LIS backup of pool " + pool + ": " + String.join("; ", passedOver);
    }
}
