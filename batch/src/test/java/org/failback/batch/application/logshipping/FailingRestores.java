package org.failback.batch.application.logshipping;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.BackupResult;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.DatabaseAdministration;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.DatabaseState;
import org.failback.domain.dbadmin.RestoreOptions;
import org.failback.domain.dbadmin.ShareAccess;
import org.failback.domain.dbadmin.SharePath;
import org.failback.domain.dbadmin.VerificationResult;

/**
 * A test artifact around the real adapter: the server "dies" right after the n-th restore it was asked for has
 * been applied (before anyone could record it), as a kill -9 between the engine's work and the product's record.
 */
final class FailingRestores implements DatabaseAdministration {

    private final DatabaseAdministration real;
    private final IntPredicate crashAfter;
    private int restores;

    FailingRestores(DatabaseAdministration real, IntPredicate crashAfter) {
        this.real = real;
        this.crashAfter = crashAfter;
    }

    static final class Crash extends RuntimeException {
        Crash(int n) {
            super("injected crash after restore " + n);
        }
    }

    @Override
    public void restoreDatabase(DatabaseName name, BackupFile file, RestoreOptions options) {
        real.restoreDatabase(name, file, options);
        if (crashAfter.test(++restores)) {
            throw new Crash(restores);
        }
    }

    @Override
    public String engine() {
        return real.engine();
    }

    @Override
    public Set<Capability> capabilities() {
        return real.capabilities();
    }

    @Override
    public boolean databaseExists(DatabaseName name) {
        return real.databaseExists(name);
    }

    @Override
    public boolean createDatabase(DatabaseName name) {
        return real.createDatabase(name);
    }

    @Override
    public BackupResult backupDatabase(DatabaseName name, BackupFile file) {
        return real.backupDatabase(name, file);
    }

    @Override
    public VerificationResult verifyBackup(BackupFile file, String sha256, Map<String, Long> rowCounts) {
        return real.verifyBackup(file, sha256, rowCounts);
    }

    @Override
    public void checkChecksum(BackupFile file, String expectedSha256) {
        real.checkChecksum(file, expectedSha256);
    }

    @Override
    public boolean isMirrored(DatabaseName name) {
        return real.isMirrored(name);
    }

    @Override
    public void removeMirroring(DatabaseName name) {
        real.removeMirroring(name);
    }

    @Override
    public BackupResult backupLog(DatabaseName name, BackupFile file) {
        return real.backupLog(name, file);
    }

    @Override
    public void restoreLog(DatabaseName name, BackupFile file, boolean recovery) {
        real.restoreLog(name, file, recovery);
    }

    @Override
    public boolean recoverDatabase(DatabaseName name) {
        return real.recoverDatabase(name);
    }

    @Override
    public Optional<String> lastRestoredFile(DatabaseName name) {
        return real.lastRestoredFile(name);
    }

    @Override
    public Optional<DatabaseState> describe(DatabaseName name) {
        return real.describe(name);
    }

    @Override
    public ShareAccess checkShareAccess(SharePath share, SharePath copyFolder) {
        return real.checkShareAccess(share, copyFolder);
    }
}
