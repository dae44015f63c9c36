package org.failback.batch.application.lis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.pool.PoolName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 000: "regularly back up the LIS database and use the latest backup copy to restore the LIS database in the
 * backup pool after the failover" — which copy that is when the newest ones are not usable.
 */
@DisplayName("Seed 000: the LIS backup a restore uses")
class LisBackupChoiceTest {

    private static final PoolName POOL = PoolName.of("fe-a");
    private static final Instant T = Instant.parse("2026-12-03T06:00:00Z");

    private static StoredBackup backup(long id, int hoursAfterT, boolean verified) {
        return new StoredBackup(
                id,
                POOL,
                "lis-fe-a-" + id + ".zip",
                T.plusSeconds(hoursAfterT * 3600L),
                100,
                "sha-" + id,
                Map.of(),
                verified,
                verified ? "verified" : "verification FAILED: row counts differ",
                null,
                null);
    }

    @Test
    @DisplayName("\"use the latest backup copy\": the newest of several verified backups")
    void theNewestOfSeveralVerifiedBackupsIsTheOneRestored() {
        LisBackupChoice choice =
                LisBackupChoice.of(List.of(backup(3, 2, true), backup(2, 1, true), backup(1, 0, true)), b -> true);
        assertEquals(Optional.of(3L), choice.backup().map(StoredBackup::id));
        assertEquals(List.of(), choice.passedOver());
    }

    @Test
    @DisplayName("When the newest backup fails verification (or its checksum), the newest verified older one is used"
            + " and the reason is given")
    void whenTheNewestBackupFailsVerificationTheNewestVerifiedOlderOneIsUsedAndSaidSo() {
        Set<Long> corrupt = Set.of(3L);
        LisBackupChoice choice = LisBackupChoice.of(
                List.of(backup(4, 3, false), backup(3, 2, true), backup(2, 1, true), backup(1, 0, true)),
                b -> !corrupt.contains(b.id()));
        assertEquals(Optional.of(2L), choice.backup().map(StoredBackup::id));
        assertEquals(2, choice.passedOver().size());
        assertTrue(choice.passedOver().get(0).contains("lis-fe-a-4.zip")
                && choice.passedOver().get(0).contains("not verified"));
        assertTrue(choice.passedOver().get(1).contains("lis-fe-a-3.zip")
                && choice.passedOver().get(1).contains("SHA-256"));
    }

    @Test
    @DisplayName("A missing or corrupt LIS backup: nothing to restore, and why")
    void noUsableBackupSaysWhy() {
        assertEquals(
                "pool fe-a has no LIS backup",
                LisBackupChoice.of(List.of(), b -> true).whyNone(POOL));
        LisBackupChoice corrupt = LisBackupChoice.of(List.of(backup(1, 0, true)), b -> false);
        assertEquals(Optional.empty(), corrupt.backup());
        assertTrue(corrupt.whyNone(POOL).contains("fails its SHA-256 check"), corrupt.whyNone(POOL));
    }
}
