package org.failback.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.failback.it.Api;
import org.failback.it.Jobs;
import org.failback.it.Pools;
import org.failback.it.chat.ChatPools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Failover, failback, a restart after {@code kill -9} and a Persistent Chat failback, on a server whose product
 * database (topology, users, locks, run history and JBeret's job repository) is the one {@link #database()} names,
 * started through run.sh. The managed databases (LIS, mgc, mgccomp) stay where the demo puts them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProductDatabaseContract {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final int USERS = 4_000;

    private LaunchedServer server;

    /** The FAILBACK_DB_URL, FAILBACK_DB_USER and FAILBACK_DB_PASSWORD the server is started with. */
    abstract Map<String, String> database();

    /** A connection to the same product database, as the test's own eyes on what the server wrote. */
    abstract Connection productDatabase() throws SQLException;

    /** Where the launched server keeps its data directory (one per engine). */
    abstract String name();

    @BeforeAll
    void start() {
        server = new LaunchedServer(
                database(), java.nio.file.Path.of(System.getProperty("launched.data", "target/data/launched"), name()));
        server.start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aPoolFailsOverAndBackWithEveryUserMovedOnceAndTheRunIsInTheProductDatabase() throws SQLException {
        Api operator = operator();
        String pool = unique("pdb");
        Pools.createFailedOverAndRepaired(operator, pool, USERS);
        long failback = Pools.startFailback(operator, pool, Map.of());
        JsonNode done = Jobs.awaitEnd(operator, failback, TIMEOUT);
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        Pools.assertEveryUserMovedHomeOnce(operator, pool, USERS);
        try (Connection c = productDatabase()) {
            assertEquals("NORMAL", single(c, "SELECT state FROM fe_pool WHERE name = ?", pool));
            assertEquals(
                    "COMPLETED",
                    single(c, "SELECT BATCHSTATUS FROM JOB_EXECUTION WHERE JOBEXECUTIONID = ?", failback),
                    "JBeret's job repository is on the product database");
        }
    }

    @Test
    void aFailbackKilledWithItsServerIsRestartedFromItsCheckpointsAndMovesEveryUserOnce() {
        Api operator = operator();
        String pool = unique("pdk");
        Pools.createFailedOverAndRepaired(operator, pool, USERS);
        operator.post("test-hooks/crash-points", Map.of("pool", pool, "step", "move-users-home", "chunk", 3))
                .expect(204);
        long killed = Pools.startFailback(operator, pool, Map.of("itemCount", 500, "partitions", 1));
        Jobs.awaitParked(operator, "the failback at its third chunk", 1, TIMEOUT);
        long movedBefore =
                Pools.pool(operator, pool).path("counts").path("moved").asLong();

        server.kill();
        server.start();

        Api again = operator();
        // The same node name came back with a new boot id: its old lease is provably dead, the restart is accepted.
        long restarted = Jobs.restart(again, killed);
        JsonNode done = Jobs.awaitEnd(again, restarted, TIMEOUT);
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals(killed, done.path("restartOf").asLong(), done.toString());
        assertTrue(movedBefore > 0 && movedBefore < USERS, "killed mid-step with " + movedBefore + " moved");
        Pools.assertEveryUserMovedHomeOnce(again, pool, USERS);
    }

    @Test
    void aPersistentChatFailbackBringsEveryMessageBackToThePrimaryOnceInOrder() {
        Api operator = operator();
        String pool = unique("pdc");
        List<String> expected = ChatPools.failedOverAndRebuilt(operator, Api.as(server.server(), "client"), pool);
        ChatPools.awaitCompleted(operator, ChatPools.startFailback(operator, pool));
        assertEquals("NORMAL", ChatPools.pool(operator, pool).path("state").asText());
        Api viewer = Api.as(server.server(), "viewer");
        assertEquals(expected, ChatPools.texts(viewer, pool + "-room", false, 1000), "mgc on the primary");
        assertEquals(expected, ChatPools.texts(viewer, pool + "-room", true, 1000), "mgccomp on the primary");
    }

    private Api operator() {
        return Api.as(server.server(), "operator");
    }

    private static String single(Connection c, String query, Object parameter) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(query)) {
            select.setObject(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), query + " found nothing for " + parameter);
                return rs.getString(1);
            }
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
