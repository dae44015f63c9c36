package org.failback.batch.infrastructure.dbadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.failback.domain.dbadmin.DatabaseAdministrationException;
import org.failback.domain.dbadmin.DatabaseName;
import org.junit.jupiter.api.Test;

/**
 * The platform check of the SQL Server adapter without a server: what each version answers is given by a test
 * subclass of the adapter's own query method, so the decision under test is the product's.
 */
class SqlServerHostPlatformTest {

    /** The adapter, answering its queries from a table instead of a server. */
    static final class Answering extends SqlServerDatabaseAdministration {
        final String version;
        final boolean hostInfoFails;
        final List<String> asked = new ArrayList<>();

        Answering(String version, boolean hostInfoFails) {
            super(null, null, null);
            this.version = version;
            this.hostInfoFails = hostInfoFails;
        }

        @Override
        Optional<String> query(DatabaseName database, String sql, String... params) {
            asked.add(sql);
            if (sql.contains("ProductVersion")) {
                return Optional.of(version);
            }
            if (sql.contains("sys.dm_os_host_info")) {
                if (hostInfoFails) {
                    throw new DatabaseAdministrationException("Invalid object name 'sys.dm_os_host_info'.");
                }
                return Optional.of("Linux");
            }
            throw new AssertionError("unexpected query " + sql);
        }
    }

    @Test
    void beforeSqlServer2017TheAdapterNeverAsksForHostInfoAndKnowsItIsWindows() {
        Answering sql2016 = new Answering("13.0.6300.2", false);
        assertEquals("Windows", sql2016.hostPlatform());
        assertTrue(sql2016.asked.stream().noneMatch(q -> q.contains("dm_os_host_info")), sql2016.asked.toString());
    }

    @Test
    void from2017OnTheHostInfoDecidesAndItsFailureIsCaught() {
        assertEquals("Linux", new Answering("16.0.4135.4", false).hostPlatform());
        assertEquals("Windows", new Answering("14.0.3456.2", true).hostPlatform());
    }
}
