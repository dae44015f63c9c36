package org.failback.domain.lis;

import java.time.Instant;

/** Back up a pool's LIS database every {@code everyMinutes}, keeping the newest {@code keep} verified backups. */
public record LisBackupSchedule(String pool, int everyMinutes, int keep, Instant nextRunAt) {

    public static final int MAX_EVERY_MINUTES = 7 * 24 * 60;
    public static final int MAX_KEEP = 1000;

    public LisBackupSchedule {
        if (everyMinutes < 1 || everyMinutes > MAX_EVERY_MINUTES) {
            throw new IllegalArgumentException("everyMinutes must be an integer from 1 to " + MAX_EVERY_MINUTES);
        }
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("keep must be an integer from 1 to " + MAX_KEEP);
        }
    }
}
