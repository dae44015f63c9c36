package org.failback.domain.lis;

import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.pool.PoolName;

/** Naming of LIS databases: one per Front End pool, {@code lis_<pool>} with '-' and '.' turned into '_'. */
public final class LisDatabases {

    private LisDatabases() {}

    public static DatabaseName of(PoolName pool) {
        return DatabaseName.of("lis_" + pool.value().replace('-', '_').replace('.', '_'));
    }

    /** Where a failed pool's backup is restored before its locations are merged into the backup pool's database. */
    public static DatabaseName stagingOf(PoolName pool) {
        return DatabaseName.of("lis_staging_" + pool.value().replace('-', '_').replace('.', '_'));
    }
}
