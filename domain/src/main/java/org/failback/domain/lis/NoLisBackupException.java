package org.failback.domain.lis;

/** Failover needs a verified LIS backup of the failed pool and there is none. */
public class NoLisBackupException extends RuntimeException {

    public NoLisBackupException(String pool) {
        super("no LIS backup of pool " + pool + ": take one with POST /api/lis/" + pool
                + "/backups, then restart the job");
    }

    /** @param why what was found instead (none at all, not verified, failing its checksum) */
    public NoLisBackupException(String pool, String why) {
        super(why + ": take one with POST /api/lis/" + pool + "/backups");
    }
}
