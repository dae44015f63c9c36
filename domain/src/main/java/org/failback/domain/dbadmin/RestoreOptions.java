package org.failback.domain.dbadmin;

/**
 * How a restore treats the target: {@code replace} overwrites an existing database ({@code WITH REPLACE}),
 * {@code recovery} leaves it ready to use ({@code WITH RECOVERY}) rather than waiting for log restores.
 */
public record RestoreOptions(boolean replace, boolean recovery) {

    /** Seed 003 step 4: overwrite the existing database and leave it ready to use. */
    public static RestoreOptions replaceWithRecovery() {
        return new RestoreOptions(true, true);
    }

    /** The secondary of log shipping: overwrite, then wait for log restores. */
    public static RestoreOptions replaceWithNoRecovery() {
        return new RestoreOptions(true, false);
    }
}
