package org.failback.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pool-failover and pool-failback jobs end to end over HTTP, against the real server and job runtime. */
class FrontEndFailoverFailbackIT extends ProductIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void failoverThenFailbackServesEveryAffectedUserFromHomePoolAgainAndLeavesBackupUsersAlone() {
        Api operator = operator();
        String pool = unique("flow");
        Pools.createPair(operator, pool, 1200);
        operator.post(
                        "lis/" + pool + "/locations",
                        Map.of("location", pool + " head office", "city", "Seattle", "country", "US"))
                .expect(201);
        // The backup's record appears when it is taken and is verified by a later step: wait for the job, not the list.
        long lisBackup = operator.post("lis/" + pool + "/backups")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator, lisBackup, TIMEOUT).path("status").asText());
        assertTrue(
                operator.get("lis/" + pool + "/backups")
                        .json()
                        .get(0)
                        .path("verified")
                        .asBoolean(),
                "the newest LIS backup is verified");

        JsonNode failover = Pools.failOver(operator, pool);
        assertEquals("COMPLETED", failover.path("status").asText(), failover.toString());
        assertEquals(1200, failover.path("itemsDone").asLong(), failover.toString());
        assertEquals(100.0, failover.path("percent").asDouble());
        JsonNode failedOver = Pools.pool(operator, pool);
        assertEquals("FAILED_OVER", failedOver.path("state").asText());
        assertEquals(1200, failedOver.path("counts").path("onBackup").asLong(), failedOver.toString());
        String backupLocations = operator.get("lis/" + Pools.backupOf(pool) + "/locations")
                .expect(200)
                .body();
        assertTrue(
                backupLocations.contains(pool + " head office"),
                "the failed pool's LIS locations are restored into the backup pool");

        operator.post("pools/" + pool + "/repair").expect(200);
        long failbackId = Pools.startFailback(operator, pool, null);
        JsonNode failback = Jobs.awaitEnd(operator, failbackId, TIMEOUT);
        assertEquals("COMPLETED", failback.path("status").asText(), failback.toString());

        JsonNode home = Pools.pool(operator, pool);
        assertEquals("NORMAL", home.path("state").asText());
        assertEquals(1200, home.path("counts").path("done").asLong(), home.toString());
        JsonNode users = operator.get("pools/" + pool + "/users?status=DONE&size=500")
                .expect(200)
                .json();
        assertEquals(1200, users.path("total").asLong());
        // Each user was last written by move-users-home: the pool's completion made them DONE, in regular mode, without
        // a second write per user (seed 000: "after failback completion" is the pool's).
        JsonNode moveHome = Jobs.step(failback, "move-users-home");
        Instant stepStart = Instant.parse(moveHome.path("startTime").asText());
        Instant stepEnd = Instant.parse(moveHome.path("endTime").asText());
        for (JsonNode user : users.path("items")) {
            // JBeret stamps step times in whole milliseconds; the writer's time is finer.
            Instant updated = Instant.parse(user.path("updatedAt").asText()).truncatedTo(ChronoUnit.MILLIS);
            assertTrue(
                    !updated.isBefore(stepStart) && !updated.isAfter(stepEnd),
                    "move-users-home ran " + stepStart + " – " + stepEnd + " but the user was written after: " + user);
        }
        JsonNode backup = Pools.pool(operator, Pools.backupOf(pool));
        assertEquals("NORMAL", backup.path("state").asText());
        assertEquals(
                0,
                backup.path("counts").path("onBackup").asLong()
                        + backup.path("counts").path("done").asLong(),
                "users homed on the backup pool are never affected: " + backup);

        JsonNode audit =
                operator.get("pools/" + pool + "/transition-audit").expect(200).json();
        assertEquals(
                1200, audit.path("transitions").path("NOT_AFFECTED->ON_BACKUP").asLong(), audit.toString());
        assertEquals(1200, audit.path("transitions").path("ON_BACKUP->MOVED").asLong(), audit.toString());
        Pools.assertNoSecondWritePerUser(audit);
        assertEquals(0, audit.path("usersWithRepeatedTransition").asLong());

        JsonNode log = operator.get("jobs/" + failbackId + "/log").expect(200).json();
        assertTrue(log.toString().contains("FAILING_BACK") && log.toString().contains("NORMAL"), log.toString());
    }

    @Test
    void stagedFailbackMovesAtMostTheGivenUsersThenStopsWithPoolStillFailingBack() {
        Api operator = operator();
        String pool = unique("staged");
        Pools.createFailedOverAndRepaired(operator, pool, 600);

        long pilot = Pools.startFailback(operator, pool, Map.of("maxUsers", 50));
        JsonNode staged = Jobs.awaitEnd(operator, pilot, TIMEOUT);
        assertEquals("STOPPED", staged.path("status").asText(), staged.toString());
        assertEquals("STAGED", staged.path("exitStatus").asText());
        JsonNode during = Pools.pool(operator, pool);
        assertEquals("FAILING_BACK", during.path("state").asText());
        assertEquals(50, during.path("counts").path("moved").asLong(), during.toString());
        assertEquals(550, during.path("counts").path("onBackup").asLong());

        assertEquals(
                50,
                Jobs.step(staged, "move-users-home").path("itemsTotal").asLong(),
                "a staged step sets out to move its limit: " + staged);

        long rest = Pools.startFailback(operator, pool, null);
        JsonNode completed = Jobs.awaitEnd(operator, rest, TIMEOUT);
        assertEquals("COMPLETED", completed.path("status").asText());
        assertEquals(
                550, Jobs.step(completed, "move-users-home").path("itemsTotal").asLong(), completed.toString());
        assertEquals(550, completed.path("itemsTotal").asLong(), "one item per user still to move: " + completed);
        assertTrue(
                Jobs.step(completed, "begin-failback").path("itemsTotal").isNull(),
                "a batchlet step counts no items: " + completed);
        assertEquals(600, Pools.pool(operator, pool).path("counts").path("done").asLong());
        JsonNode audit =
                operator.get("pools/" + pool + "/transition-audit").expect(200).json();
        assertEquals(600, audit.path("transitions").path("ON_BACKUP->MOVED").asLong(), audit.toString());
        assertEquals(0, audit.path("usersWithRepeatedTransition").asLong());
    }

    @Test
    void stoppedFailbackRestartsFromItsCheckpointAndMovesEveryUserExactlyOnce() {
        Api operator = operator();
        String pool = unique("stop");
        Pools.createFailedOverAndRepaired(operator, pool, 4000);

        long first = Pools.startFailback(operator, pool, Map.of("itemCount", 10, "partitions", 2));
        Jobs.await(
                "some users moved",
                TIMEOUT,
                () -> Pools.pool(operator, pool).path("counts").path("moved").asLong() > 100);
        JsonNode running = operator.get("jobs/" + first).expect(200).json();
        JsonNode moving = Jobs.step(running, "move-users-home");
        assertEquals("STARTED", moving.path("status").asText(), running.toString());
        assertTrue(
                moving.path("writeCount").asLong() > 0
                        && moving.path("writeCount").asLong()
                                <= running.path("itemsDone").asLong(),
                "the running partitioned step shows what its partitions wrote so far: " + running);
        assertEquals(
                4000, moving.path("itemsTotal").asLong(), "the step's total is counted when it starts: " + running);
        assertEquals(
                Math.round(1000.0 * moving.path("writeCount").asLong() / 4000) / 10.0,
                moving.path("percent").asDouble(),
                "the running step's percent is its writes against its total: " + running);
        assertTrue(moving.path("percent").asDouble() > 0, running.toString());
        assertTrue(
                running.path("itemsPerSecond").asDouble() > 0
                        && running.path("etaSeconds").isNumber(),
                "a running job has a rate and an ETA: " + running);
        operator.post("jobs/" + first + "/stop").expect(202);
        JsonNode stopped = Jobs.awaitEnd(operator, first, TIMEOUT);
        assertEquals("STOPPED", stopped.path("status").asText(), stopped.toString());
        long movedWhenStopped =
                Pools.pool(operator, pool).path("counts").path("moved").asLong();
        assertTrue(movedWhenStopped > 0 && movedWhenStopped < 4000, "stopped mid-step, moved " + movedWhenStopped);
        assertEquals("FAILING_BACK", Pools.pool(operator, pool).path("state").asText());
        assertEquals(409, operator.post("jobs/" + first + "/stop").status(), "an ended execution cannot be stopped");

        long restarted = operator.post("jobs/" + first + "/restart")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        JsonNode done = Jobs.awaitEnd(operator, restarted, TIMEOUT);
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals(first, done.path("restartOf").asLong());
        assertEquals(
                4000 - movedWhenStopped,
                done.path("itemsTotal").asLong(),
                "the restart sets out to do what was left: " + done);
        assertEquals(done.path("itemsTotal").asLong(), done.path("itemsDone").asLong(), done.toString());
        assertEquals("NORMAL", Pools.pool(operator, pool).path("state").asText());

        JsonNode audit =
                operator.get("pools/" + pool + "/transition-audit").expect(200).json();
        assertEquals(4000, audit.path("transitions").path("ON_BACKUP->MOVED").asLong(), audit.toString());
        Pools.assertNoSecondWritePerUser(audit);
        assertEquals(0, audit.path("usersWithRepeatedTransition").asLong(), audit.toString());
    }

    @Test
    void failingUserIsSkippedShownFailedWithReasonAndALaterRestartCompletesIt() {
        Api operator = operator();
        String pool = unique("fault");
        Pools.createFailedOverAndRepaired(operator, pool, 300);
        String victim = Pools.sip(pool, 42);
        operator.post("test-hooks/faults", Map.of("sip", victim)).expect(204);
        try {
            long first = Pools.startFailback(operator, pool, null);
            JsonNode stopped = Jobs.awaitEnd(operator, first, TIMEOUT);
            assertEquals("STOPPED", stopped.path("status").asText(), stopped.toString());
            assertEquals("USERS_FAILED", stopped.path("exitStatus").asText());
            JsonNode user = operator.get("pools/" + pool + "/users/" + victim)
                    .expect(200)
                    .json();
            assertEquals("FAILED", user.path("failbackStatus").asText(), user.toString());
            assertTrue(user.path("error").asText().contains("injected fault"), user.toString());
            assertEquals(
                    299, Pools.pool(operator, pool).path("counts").path("moved").asLong());
            assertTrue(operator.get("jobs/" + first + "/log").json().toString().contains("SKIP " + victim));

            operator.delete("test-hooks/faults").expect(204);
            long restarted = operator.post("jobs/" + first + "/restart")
                    .expect(202)
                    .json()
                    .path("jobExecutionId")
                    .asLong();
            assertEquals(
                    "COMPLETED",
                    Jobs.awaitEnd(operator, restarted, TIMEOUT).path("status").asText());
            JsonNode healed = operator.get("pools/" + pool + "/users/" + victim)
                    .expect(200)
                    .json();
            assertEquals("DONE", healed.path("failbackStatus").asText(), healed.toString());
            assertEquals(
                    300, Pools.pool(operator, pool).path("counts").path("done").asLong());
        } finally {
            operator.delete("test-hooks/faults");
        }
    }

    @Test
    void aChunkWhoseWriteFailsTransientlyIsRolledBackAndWrittenAgainSoEveryUserMovesExactlyOnce() {
        Api operator = operator();
        String pool = unique("retry");
        Pools.createFailedOverAndRepaired(operator, pool, 300);
        String victim = Pools.sip(pool, 42);
        operator.post("test-hooks/faults", Map.of("sip", victim, "transientTimes", 2))
                .expect(204);
        try {
            long job = Pools.startFailback(operator, pool, Map.of("itemCount", 50));
            JsonNode done = Jobs.awaitEnd(operator, job, TIMEOUT);
            assertEquals("COMPLETED", done.path("status").asText(), done.toString());
            assertEquals(300, done.path("itemsDone").asLong(), "the rolled-back chunks are not counted: " + done);
            JsonNode user = operator.get("pools/" + pool + "/users/" + victim)
                    .expect(200)
                    .json();
            assertEquals("DONE", user.path("failbackStatus").asText(), user.toString());
            assertEquals(
                    300, Pools.pool(operator, pool).path("counts").path("done").asLong());
            JsonNode audit = operator.get("pools/" + pool + "/transition-audit")
                    .expect(200)
                    .json();
            assertEquals(300, audit.path("transitions").path("ON_BACKUP->MOVED").asLong(), audit.toString());
            Pools.assertNoSecondWritePerUser(audit);
            assertEquals(0, audit.path("usersWithRepeatedTransition").asLong(), audit.toString());
            String log = operator.get("jobs/" + job + "/log").json().toString();
            assertTrue(
                    log.contains("RETRY chunk of") && log.contains("injected transient fault writing " + victim), log);
        } finally {
            operator.delete("test-hooks/faults");
        }
    }

    @Test
    void refusedStartsAnswer409Or404AndChangeNothing() {
        Api operator = operator();
        String pool = unique("refuse");
        Pools.createPair(operator, pool, 3000);

        Api.Reply notFailedOver = operator.post("pools/" + pool + "/failback");
        assertEquals(409, notFailedOver.status(), notFailedOver.body());
        assertEquals("ILLEGAL_STATE", notFailedOver.code());
        assertEquals("NORMAL", Pools.pool(operator, pool).path("state").asText());

        Api.Reply unknown = operator.post("pools/no-such-pool/failover");
        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.code());

        assertEquals(
                400,
                operator.post("pools/" + pool + "/failback", Map.of("maxUsers", "ten"))
                        .status());
        assertEquals(403, viewer().post("pools/" + pool + "/failover").status());

        operator.post("pools/" + pool + "/outage").expect(200);
        JsonNode plan = operator.post("pools/" + pool + "/failover?dryRun=true")
                .expect(200)
                .json();
        assertEquals(3000, plan.path("usersAffected").asLong(), plan.toString());
        assertEquals("DOWN", Pools.pool(operator, pool).path("state").asText(), "a dry run changes nothing");
        for (String typo : List.of("dryRun=ture", "dryRun=yes", "dryRun=1", "dryRun=", "dryrun=true", "whatIf=true")) {
            Api.Reply refused = operator.post("pools/" + pool + "/failover?" + typo);
            assertEquals(400, refused.status(), typo + " must not start the real job: " + refused.body());
        }
        assertEquals("DOWN", Pools.pool(operator, pool).path("state").asText(), "a mistyped dry run starts nothing");
        assertTrue(operator.get("jobs?pool=" + pool).expect(200).json().isEmpty(), "no job was started");

        long running = operator.post("pools/" + pool + "/failover", Map.of("itemCount", 5, "partitions", 1))
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        Api.Reply second = operator.post("pools/" + pool + "/failover");
        assertEquals(409, second.status(), second.body());
        assertEquals("JOB_RUNNING", second.code());
        Api.Reply onBackup = operator.post("pools/" + Pools.backupOf(pool) + "/outage");
        Api.Reply backupJob = operator.post("pools/" + Pools.backupOf(pool) + "/failover");
        assertEquals(
                409,
                backupJob.status(),
                "a job on the pool locks its backup pool too: " + backupJob.body() + " / " + onBackup.body());
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator, running, TIMEOUT).path("status").asText());
    }

    /** GET /api/jobs?status= filters on the job repository's batch status, newest first, with the limit applied. */
    @Test
    void jobsOfAPoolAreFilteredByStatusNewestFirst() {
        Api operator = operator();
        String pool = unique("jobstatus");
        Pools.createFailedOverAndRepaired(operator, pool, 100);
        long failover = operator.get("jobs?pool=" + pool)
                .expect(200)
                .json()
                .get(0)
                .path("id")
                .asLong();
        long staged = Pools.startFailback(operator, pool, Map.of("maxUsers", 10));
        assertEquals(
                "STOPPED",
                Jobs.awaitEnd(operator, staged, TIMEOUT).path("status").asText());
        // A restart would stage again (it keeps maxUsers): a new failback moves the rest.
        long completed = Pools.startFailback(operator, pool, null);
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator, completed, TIMEOUT).path("status").asText());

        assertEquals(
                List.of(staged),
                ids(operator.get("jobs?pool=" + pool + "&status=STOPPED")
                        .expect(200)
                        .json()));
        assertEquals(
                List.of(completed, failover),
                ids(operator.get("jobs?pool=" + pool + "&status=COMPLETED")
                        .expect(200)
                        .json()),
                "newest first");
        assertEquals(
                List.of(completed),
                ids(operator.get("jobs?pool=" + pool + "&status=COMPLETED&limit=1")
                        .expect(200)
                        .json()));
        assertEquals(
                List.of(),
                ids(operator.get("jobs?pool=" + pool + "&status=STARTED")
                        .expect(200)
                        .json()));
    }

    private static List<Long> ids(JsonNode jobs) {
        return java.util.stream.StreamSupport.stream(jobs.spliterator(), false)
                .map(j -> j.path("id").asLong())
                .toList();
    }
}
