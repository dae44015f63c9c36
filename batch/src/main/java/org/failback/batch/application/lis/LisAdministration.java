package org.failback.batch.application.lis;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.lis.LisBackupRepository;
import org.failback.batch.infrastructure.lis.LisLocationStore;
import org.failback.batch.infrastructure.lis.LisStorage;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.dbadmin.BackupFile;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.lis.LisBackupSchedule;
import org.failback.domain.lis.LisLocation;
import org.failback.domain.lis.NoLisBackupException;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolNotFoundException;

/**
 * The LIS use cases the API and the portal share: a pool's locations, its backups and their schedule, and the
 * check a restore passes before its job starts. Jobs are started by {@link LisJobs}.
 */
@ApplicationScoped
public class LisAdministration {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /** A pool's locations, with when each merged one arrived from another pool's backup. */
    public record Locations(List<LisLocation> locations, Map<Long, Instant> mergedAt) {}

    public boolean poolExists(PoolName pool) {
        return product(c -> new LisBackupRepository(c).poolId(pool).isPresent());
    }

    public void requirePool(PoolName pool) {
        if (!poolExists(pool)) {
            throw new PoolNotFoundException(pool.value());
        }
    }

    public Locations locations(PoolName pool) {
        return lis(pool, lis -> new Locations(LisLocationStore.list(lis), LisLocationStore.mergedAt(lis)));
    }

    public long locationCount(PoolName pool) {
        return lis(pool, LisLocationStore::count);
    }

    public LisLocation addLocation(PoolName pool, LisLocation location) {
        return lis(pool, lis -> LisLocationStore.insert(lis, location));
    }

    /** Newest first. */
    public List<StoredBackup> backups(PoolName pool) {
        return product(c -> new LisBackupRepository(c).list(pool));
    }

    public BackupFile backupFile(PoolName pool, StoredBackup backup) {
        return LisStorage.current().backupShare(pool).file(backup.fileName());
    }

    public Optional<LisBackupSchedule> schedule(PoolName pool) {
        return product(c -> new LisBackupRepository(c).schedule(pool));
    }

    public void saveSchedule(LisBackupSchedule schedule) {
        product(c -> {
            new LisBackupRepository(c).saveSchedule(schedule);
            return null;
        });
    }

    /**
     * The backup a restore from {@code from} would use, checked before any job starts: none → NoLisBackupException,
     * a file that no longer matches its checksum → CorruptBackupException from the check.
     */
    /**
     * The backup a restore from the pool would use (the newest verified one that still matches its checksum), or
     * why there is none: NO_LIS_BACKUP when none was verified, BACKUP_CORRUPT when every verified one fails its check.
     */
    public StoredBackup restorableBackup(PoolName from) {
        requirePool(from);
        LisBackupService service =
                new LisBackupService(LisStorage.current(), new LoggingOperationLog("[lis restore check] "), null);
        LisBackupChoice choice = product(c -> service.choose(c, from));
        return choice.backup().orElseThrow(() -> {
            String why = choice.whyNone(from) + ": take one with POST /api/lis/" + from + "/backups";
            boolean anyVerified =
                    product(c -> new LisBackupRepository(c).list(from)).stream().anyMatch(StoredBackup::verified);
            return anyVerified
                    ? new CorruptBackupException(why)
                    : new NoLisBackupException(from.value(), choice.whyNone(from));
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T product(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the LIS records: " + e.getMessage(), e);
        }
    }

    private <T> T lis(PoolName pool, Work<T> work) {
        try (Connection c = dataSource.getConnection();
                Connection lis = LisStorage.current().open(c, pool)) {
            return work.on(lis);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the LIS database of " + pool + ": " + e.getMessage(), e);
        }
    }
}
