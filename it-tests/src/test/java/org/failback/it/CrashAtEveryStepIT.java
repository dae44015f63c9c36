package org.failback.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, "kill -9 everywhere": the server is killed with SIGKILL at each step of the Front End and LIS jobs where
 * work can be lost or done twice, then the server and the execution are restarted through the API. A crash point of
 * the test library parks the job's threads at the exact point (a chunk written but not committed, a batchlet's work
 * done but its step not recorded); the test waits until they are parked there, so a point that is never reached
 * fails the test instead of killing the server somewhere else. Each test prints the work done again after the kill.
 */
class CrashAtEveryStepIT extends RestartableServerIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int USERS = 1_000;
    private static final int CHUNK = 20;
    private static final int PARTITIONS = 2;
    private static final Map<String, Object> TUNING = Map.of("itemCount", CHUNK, "partitions", PARTITIONS);

    /** A test that failed before its kill must not leave job threads parked on the shared server. */
    @AfterEach
    void disarm() {
        try {
            operator().delete("test-hooks/crash-points");
        } catch (RuntimeException serverDown) {
            // nothing parks on a server that is not there
        }
    }

    @Test
    void killedBeforeTheFirstCheckpointOfAFailback() {
        failbackKilledInChunkStep("failback-before-first-checkpoint", "move-users-home", 1);
    }

    @Test
    void killedMidPartitionOfAFailback() {
        failbackKilledInChunkStep("failback-mid-partition", "move-users-home", 4);
    }

    @Test
    void killedInsideCompleteFailback() {
        Api operator = up();
        String pool = unique("crcf");
        Pools.createFailedOverAndRepaired(operator, pool, USERS);
        arm(operator, pool, "complete-failback", 0);
        long crashed = Pools.startFailback(operator, pool, TUNING);
        awaitParked(operator, crashed, 1);
        assertEquals(
                "NORMAL",
                Pools.pool(operator, pool).path("state").asText(),
                "the batchlet's work is done when it parks");

        RestartableServer.crashAndStart(controller);

        Api again = operator();
        JsonNode left = again.get("jobs/" + crashed).expect(200).json();
        assertEquals("STARTED", left.path("status").asText(), left.toString());
        assertEquals(
                "STARTED",
                Jobs.step(left, "complete-failback").path("status").asText(),
                "the step is not recorded as completed: " + left);
        JsonNode done = restartToCompletion(again, crashed);
        assertEquals(0, done.path("itemsDone").asLong(), "no user is moved again: " + done);
        assertEquals(
                "COMPLETED", Jobs.step(done, "complete-failback").path("status").asText(), done.toString());
        assertEveryUserFailedBackOnce(again, pool);
        System.out.printf(
                "crash-point complete-failback: users=%d, re-done=0 users (batchlet step run again: 1), chunk=%d%n",
                USERS, CHUNK);
    }

    @Test
    void killedDuringTheLisRestoreOfAFailover() {
        Api operator = up();
        String pool = unique("crlr");
        String backup = Pools.backupOf(pool);
        Pools.createPair(operator, pool, USERS, false);
        for (int i = 1; i <= 3; i++) {
            addLocation(operator, pool, "crash-" + i);
        }
        addLocation(operator, backup, "own-1");
        JsonNode taken = Jobs.awaitEnd(operator, startLisBackup(operator, pool), TIMEOUT);
        assertEquals("COMPLETED", taken.path("status").asText(), taken.toString());
        int own =
                operator.get("lis/" + backup + "/locations").expect(200).json().size();
        int restored =
                operator.get("lis/" + pool + "/locations").expect(200).json().size();
        arm(operator, pool, "restore-lis-backup", 0);
        operator.post("pools/" + pool + "/outage").expect(200);
        long crashed = Pools.startFailover(operator, pool);
        awaitParked(operator, crashed, 1);
        JsonNode merged =
                operator.get("lis/" + backup + "/locations").expect(200).json();
        assertEquals(own + restored, merged.size(), "the merge is done when the step parks: " + merged);

        RestartableServer.crashAndStart(controller);

        Api again = operator();
        JsonNode left = again.get("jobs/" + crashed).expect(200).json();
        assertEquals(
                "STARTED",
                Jobs.step(left, "restore-lis-backup").path("status").asText(),
                "the step is not recorded as completed: " + left);
        JsonNode done = restartToCompletion(again, crashed);
        assertEquals(
                "COMPLETED",
                Jobs.step(done, "restore-lis-backup").path("status").asText(),
                done.toString());
        JsonNode after = again.get("lis/" + backup + "/locations").expect(200).json();
        assertEquals(ids(merged), ids(after), "the merge run again adds and loses nothing: " + after);
        assertEquals(after.size(), distinctLocations(after), "no location twice: " + after);
        assertEquals("FAILED_OVER", Pools.pool(again, pool).path("state").asText());
        JsonNode audit = audit(again, pool);
        assertEquals(USERS, sum(audit.path("transitions")), audit.toString());
        assertEquals(0, audit.path("usersWithRepeatedTransition").asLong(), audit.toString());
        again.post("pools/" + pool + "/repair").expect(200);
        again.post("pools/" + pool + "/failback?dryRun=true").expect(200);
        System.out.printf(
                "crash-point restore-lis-backup: users=%d, locations=%d (own %d + restored %d), re-done=1 merge"
                        + " of %d locations (updated in place), chunk=%d%n",
                USERS, after.size(), own, restored, restored, CHUNK);
    }

    @Test
    void killedInsideTheBackupStepOfALisBackup() {
        Api operator = up();
        String pool = unique("crlb");
        Pools.createPair(operator, pool, 3);
        int before = operator.get("lis/" + pool + "/backups").expect(200).json().size();
        arm(operator, pool, "take-backup", 0);
        long crashed = startLisBackup(operator, pool);
        awaitParked(operator, crashed, 1);
        JsonNode during = operator.get("lis/" + pool + "/backups").expect(200).json();
        assertEquals(before + 1, during.size(), "the backup is taken when the step parks: " + during);
        String file = unverified(during);

        RestartableServer.crashAndStart(controller);

        Api again = operator();
        JsonNode left = again.get("jobs/" + crashed).expect(200).json();
        assertEquals("STARTED", Jobs.step(left, "take-backup").path("status").asText(), left.toString());
        restartToCompletion(again, crashed);
        JsonNode after = again.get("lis/" + pool + "/backups").expect(200).json();
        assertEquals(before + 1, after.size(), "one entry for the killed backup, not two: " + after);
        Set<String> files = new HashSet<>();
        for (JsonNode backup : after) {
            assertTrue(files.add(backup.path("file").asText()), "recorded twice: " + after);
            assertTrue(backup.path("verified").asBoolean(), "no half-recorded backup: " + after);
        }
        assertTrue(files.contains(file), "the backup taken before the kill is the one verified: " + after);
        JsonNode plan = failoverPlanAfterOutage(again, pool);
        assertEquals(file, plan.path("lisBackup").asText(), "a failover would restore it: " + plan);
        System.out.printf(
                "crash-point take-backup: backups=%d, re-done=0 backups taken again (file %s reused), chunk=n/a%n",
                after.size(), file);
    }

    /**
     * Kills the server while every partition of a failback's user step ({@code move-users-home}: users MOVED, the
     * failback's only write per user) has written chunk {@code parkAt}, uncommitted.
     */
    private void failbackKilledInChunkStep(String point, String stepName, int parkAt) {
        Api operator = up();
        String pool = unique("crmv");
        Pools.createFailedOverAndRepaired(operator, pool, USERS);
        arm(operator, pool, stepName, parkAt);
        long crashed = Pools.startFailback(operator, pool, TUNING);
        JsonNode parked = awaitParked(operator, crashed, PARTITIONS);
        long handed = parked.path("itemsWritten").asLong();
        assertEquals(PARTITIONS * parkAt * CHUNK, handed, "every partition wrote " + parkAt + " chunks: " + parked);

        RestartableServer.crashAndStart(controller);

        Api again = operator();
        JsonNode left = again.get("jobs/" + crashed).expect(200).json();
        assertEquals("STARTED", left.path("status").asText(), "a killed execution stays STARTED: " + left);
        long committed = Jobs.step(left, stepName).path("writeCount").asLong();
        assertEquals(PARTITIONS * (parkAt - 1) * CHUNK, committed, "the chunks before the parked one: " + left);
        assertEquals(
                committed, Pools.pool(again, pool).path("counts").path("moved").asLong());
        assertEquals(committed, left.path("itemsDone").asLong(), left.toString());
        JsonNode done = restartToCompletion(again, crashed);
        JsonNode step = Jobs.step(done, stepName);
        assertEquals(USERS - committed, step.path("itemsTotal").asLong(), done.toString());
        assertEquals(USERS - committed, step.path("writeCount").asLong(), done.toString());
        long reRead = step.path("readCount").asLong() - (USERS - committed);
        assertEquals(0, reRead, "a committed user is never read again: " + done);
        assertEveryUserFailedBackOnce(again, pool);
        long reDone = handed - committed;
        assertTrue(reDone <= (long) PARTITIONS * CHUNK, "at most one chunk per partition is done again: " + reDone);
        System.out.printf(
                "crash-point %s: users=%d, committed-before-kill=%d, re-done=%d (in flight at the kill, rolled back),"
                        + " committed-re-read=%d, chunk=%d, partitions=%d%n",
                point, USERS, committed, reDone, reRead, CHUNK, PARTITIONS);
    }

    private void assertEveryUserFailedBackOnce(Api api, String pool) {
        JsonNode state = Pools.pool(api, pool);
        assertEquals("NORMAL", state.path("state").asText(), state.toString());
        assertEquals(USERS, state.path("counts").path("done").asLong(), state.toString());
        JsonNode audit = audit(api, pool);
        assertEquals(USERS, audit.path("transitions").path("ON_BACKUP->MOVED").asLong(), audit.toString());
        Pools.assertNoSecondWritePerUser(audit);
        assertEquals(0, audit.path("usersWithRepeatedTransition").asLong(), audit.toString());
        failoverPlanAfterOutage(api, pool);
    }

    /**
     * The next job of the pool is accepted: the dry run of a failover answers 409 JOB_RUNNING while any lock of the
     * pool or its backup pool is held, so a lock the killed or the restarted execution left behind fails here.
     */
    private static JsonNode failoverPlanAfterOutage(Api api, String pool) {
        api.post("pools/" + pool + "/outage").expect(200);
        return api.post("pools/" + pool + "/failover?dryRun=true").expect(200).json();
    }

    private Api up() {
        RestartableServer.ensureUp(controller, deployer);
        return operator();
    }

    private static Api operator() {
        return Api.as(RestartableServer.SERVER, "operator");
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    private static void arm(Api operator, String pool, String step, int chunk) {
        operator.post("test-hooks/crash-points", Map.of("pool", pool, "step", step, "chunk", chunk))
                .expect(204);
    }

    /** Waits until {@code threads} job threads of the execution are parked at the armed point; times out if never. */
    private static JsonNode awaitParked(Api operator, long execution, int threads) {
        JsonNode state = Jobs.awaitParked(operator, "execution " + execution, threads, TIMEOUT);
        assertEquals(execution, state.path("jobExecutionId").asLong(), state.toString());
        return state;
    }

    private static JsonNode restartToCompletion(Api api, long crashed) {
        long restarted = api.post("jobs/" + crashed + "/restart")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        JsonNode done = Jobs.awaitEnd(api, restarted, TIMEOUT);
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        return done;
    }

    private static long startLisBackup(Api operator, String pool) {
        return operator.post("lis/" + pool + "/backups")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
    }

    private static void addLocation(Api operator, String pool, String name) {
        operator.post(
                        "lis/" + pool + "/locations",
                        Map.of("location", name + "-" + pool, "city", "Redmond", "country", "US"))
                .expect(201);
    }

    private static JsonNode audit(Api api, String pool) {
        return api.get("pools/" + pool + "/transition-audit").expect(200).json();
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (JsonNode count : counts) {
            sum += count.asLong();
        }
        return sum;
    }

    private static Set<Long> ids(JsonNode locations) {
        Set<Long> ids = new TreeSet<>();
        locations.forEach(location -> ids.add(location.path("id").asLong()));
        return ids;
    }

    /** Locations counted by everything but their id: a location merged twice counts once. */
    private static int distinctLocations(JsonNode locations) {
        Set<String> distinct = new HashSet<>();
        for (JsonNode location : locations) {
            StringBuilder key = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> fields = location.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!"id".equals(field.getKey())) {
                    key.append(field.getKey())
                            .append('=')
                            .append(field.getValue())
                            .append(';');
                }
            }
            distinct.add(key.toString());
        }
        return distinct.size();
    }

    private static String unverified(JsonNode backups) {
        for (JsonNode backup : backups) {
            if (!backup.path("verified").asBoolean()) {
                return backup.path("file").asText();
            }
        }
        throw new AssertionError("no backup taken and not yet verified: " + backups);
    }
}
