package org.failback.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Job executions live in the JDBC job repository, in the product database: they survive a server restart, and an
 * execution killed with its server (kill -9) is restarted from its checkpoints with every user moved exactly once.
 */
class JobRepositoryRestartIT extends RestartableServerIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @Test
    void completedExecutionIsStillListedAfterServerRestart() {
        RestartableServer.ensureUp(controller, deployer);
        Api operator = Api.as(RestartableServer.SERVER, "operator");
        String pool = "rst-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Pools.createPair(operator, pool, 500);
        JsonNode failover = Pools.failOver(operator, pool);
        assertEquals("COMPLETED", failover.path("status").asText(), failover.toString());
        long id = failover.path("id").asLong();

        RestartableServer.restart(controller);

        Api again = Api.as(RestartableServer.SERVER, "operator");
        JsonNode after = again.get("jobs/" + id).expect(200).json();
        assertEquals("COMPLETED", after.path("status").asText());
        assertEquals("pool-failover", after.path("jobName").asText());
        JsonNode listed = again.get("jobs?pool=" + pool).expect(200).json();
        assertTrue(listed.toString().contains("\"id\":" + id), listed.toString());
        assertEquals("FAILED_OVER", Pools.pool(again, pool).path("state").asText());
    }

    @Test
    void failbackKilledWithItsServerIsRestartedAndMovesEveryUserExactlyOnce() {
        RestartableServer.ensureUp(controller, deployer);
        Api operator = Api.as(RestartableServer.SERVER, "operator");
        String pool = "crash-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        int users = 6_000;
        Pools.createFailedOverAndRepaired(operator, pool, users);
        long crashed = Pools.startFailback(operator, pool, Map.of("itemCount", 20, "partitions", 2));
        Jobs.await(
                "the failback to be under way",
                TIMEOUT,
                () -> Pools.pool(operator, pool).path("counts").path("moved").asLong() > 500);

        RestartableServer.crashAndStart(controller);

        Api again = Api.as(RestartableServer.SERVER, "operator");
        JsonNode left = again.get("jobs/" + crashed).expect(200).json();
        assertEquals("STARTED", left.path("status").asText(), "a killed execution stays STARTED: " + left);
        long movedBefore = Pools.pool(again, pool).path("counts").path("moved").asLong();
        assertTrue(movedBefore > 0 && movedBefore < users, "killed mid-step with " + movedBefore + " users moved");
        assertEquals(
                movedBefore,
                left.path("itemsDone").asLong(),
                "what the killed execution wrote is still counted: " + left);
        JsonNode throughput =
                again.get("jobs/" + crashed + "/throughput").expect(200).json();
        assertTrue(throughput.size() >= 2, "its throughput is drawn after the restart too: " + throughput);
        assertEquals(movedBefore, throughput.get(throughput.size() - 1).get(1).asLong(), throughput.toString());
        assertEquals(
                409, again.post("pools/" + pool + "/failback").status(), "the crashed execution still holds the pool");

        long restarted = again.post("jobs/" + crashed + "/restart")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        JsonNode done = Jobs.awaitEnd(again, restarted, TIMEOUT);
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals(users - movedBefore, done.path("itemsTotal").asLong(), done.toString());
        assertEquals(done.path("itemsTotal").asLong(), done.path("itemsDone").asLong(), done.toString());
        assertEquals(
                users - movedBefore,
                Jobs.step(done, "move-users-home").path("itemsTotal").asLong(),
                "the restarted step counts what it set out to do: " + done);
        assertEquals("NORMAL", Pools.pool(again, pool).path("state").asText());
        assertEquals(users, Pools.pool(again, pool).path("counts").path("done").asLong());
        JsonNode audit =
                again.get("pools/" + pool + "/transition-audit").expect(200).json();
        assertEquals(users, audit.path("transitions").path("ON_BACKUP->MOVED").asLong(), audit.toString());
        Pools.assertNoSecondWritePerUser(audit);
        assertEquals(0, audit.path("usersWithRepeatedTransition").asLong(), audit.toString());
    }
}
