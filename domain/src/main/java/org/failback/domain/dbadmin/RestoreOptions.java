package org.failback.domain.dbadmin;

/**
 * How a restore treats the target: {@code replace} overwrites an existing database ({@code WITH REPLACE}),
 * {@code recovery} leaves it ready to use ({@code WITH RECOVERY}) rather than waiting for log restores;
 * {@code verifiedSha256}, when set, is the SHA-256 of a backup that was verified when it was taken, so an engine that
 * proves a file by restoring it into a scratch database first may take a file with that hash as proven.
 */
public record RestoreOptions(boolean replace, boolean recovery, String verifiedSha256) {

    public RestoreOptions(boolean replace, boolean recovery) {
        this(replace, recovery, null);
    }

    /** The same restore, of a file that must hash to {@code sha256}, the SHA-256 of a backup verified already. */
    public RestoreOptions verifiedAs(String sha256) {
        return new RestoreOptions(replace, recovery, sha256);
    }

    /** Seed 003 step 4: overwrite the existing database and leave it ready to use. */
    public static RestoreOptions replaceWithRecovery() {
        return new RestoreOptions(true, true);
    }

    /** The secondary of log shipping: overwrite, then wait for log restores. */
    public static RestoreOptions replaceWithNoRecovery() {
        return new RestoreOptions(true, false);
    }
}
