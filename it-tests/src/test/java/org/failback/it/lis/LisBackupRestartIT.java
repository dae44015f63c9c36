package org.failback.it.lis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.failback.it.Jobs;
import org.failback.it.Pools;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "locks that cannot leak": a LIS backup takes no pool lock, and restarting a failed one must not take the
 * locks either (it once took them, and nothing gave them back: failover then answered 409 JOB_RUNNING for good).
 */
class LisBackupRestartIT extends ProductIT {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void restartingAFailedLisBackupLeavesThePoolFreeToFailOver() throws IOException {
        String pool = unique("lisrestart");
        Pools.createPair(operator(), pool, 3);
        Path backups = SERVER.dataDir().resolve("backups/lis/" + pool);
        Path aside = backups.resolveSibling(pool + ".aside");
        // A file where the backups go: the take-backup step cannot write and the job fails.
        Files.move(backups, aside);
        Files.writeString(backups, "not a directory");
        long failed;
        try {
            failed = operator()
                    .post("lis/" + pool + "/backups")
                    .expect(202)
                    .json()
                    .path("jobExecutionId")
                    .asLong();
            assertEquals(
                    "FAILED",
                    Jobs.awaitEnd(viewer(), failed, JOB_TIMEOUT).path("status").asText());
        } finally {
            Files.delete(backups);
            Files.move(aside, backups);
        }

        long restarted = operator()
                .post("jobs/" + failed + "/restart")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(viewer(), restarted, JOB_TIMEOUT).path("status").asText());

        JsonNode failover = Pools.failOver(operator(), pool);
        assertEquals("COMPLETED", failover.path("status").asText(), failover.toString());
        assertEquals("FAILED_OVER", Pools.pool(viewer(), pool).path("state").asText());
    }
}
