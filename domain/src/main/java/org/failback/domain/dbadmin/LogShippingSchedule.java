package org.failback.domain.dbadmin;

/**
 * When log shipping runs and when its monitor alerts: dbatools' defaults are a round every 15 minutes, an alert when
 * the last backup is older than 60 minutes or the last restore older than 45.
 */
public record LogShippingSchedule(int everyMinutes, int backupThresholdMinutes, int restoreThresholdMinutes) {

    public static final int MAX_MINUTES = 10_080;

    public static final LogShippingSchedule DEFAULT = new LogShippingSchedule(15, 60, 45);

    public LogShippingSchedule {
        check("everyMinutes", everyMinutes);
        check("backupThresholdMinutes", backupThresholdMinutes);
        check("restoreThresholdMinutes", restoreThresholdMinutes);
    }

    private static void check(String field, int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException(
                    field + " must be an integer from 1 to " + MAX_MINUTES + ", not " + minutes);
        }
    }
}
