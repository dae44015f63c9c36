package org.failback.it.lis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.failback.it.Api;
import org.failback.it.Jobs;
import org.failback.it.Pools;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/** Location Information Service over HTTP: locations, backups taken by the lis-backup job, schedule, restore-and-merge. */
class LisIT extends ProductIT {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void demoPoolsHaveLocationsAndAFirstVerifiedBackupVisibleToViewers() {
        for (String pool : new String[] {"fe-dc1", "fe-dc2"}) {
            JsonNode locations =
                    viewer().get("lis/" + pool + "/locations").expect(200).json();
            assertTrue(locations.size() >= 25, pool + ": " + locations.size());
            JsonNode first = locations.get(0);
            for (String field : new String[] {
                "id", "location", "houseNumber", "streetName", "city", "state", "postalCode", "country", "subnet"
            }) {
                assertTrue(first.has(field), field);
            }
            JsonNode backups =
                    viewer().get("lis/" + pool + "/backups").expect(200).json();
            assertTrue(
                    StreamSupport.stream(backups.spliterator(), false)
                            .anyMatch(b -> b.path("verified").asBoolean()),
                    backups.toString());
        }
    }

    @Test
    void operatorTakesABackupThatIsListedVerifiedWithItsSha256() throws Exception {
        JsonNode backup = takeBackup("fe-dc1");
        assertTrue(backup.path("bytes").asLong() > 0);
        // The path is relative to the data directory: API answers name no absolute path (issue 17).
        assertFalse(backup.path("path").asText().startsWith("/"), backup.toString());
        Path file = SERVER.dataDir().resolve(backup.path("path").asText());
        assertEquals(sha256(file), backup.path("checksum").asText());
        assertTrue(Instant.parse(backup.path("takenAt").asText())
                .isBefore(Instant.now().plusSeconds(1)));
        assertEquals(403, viewer().post("lis/fe-dc1/backups").status());
    }

    @Test
    void operatorAddsALocationAndBadInputIsRefused() {
        String name = unique("lobby");
        Api.Reply created = operator()
                .post(
                        "lis/fe-dc2/locations",
                        Map.of(
                                "location",
                                name,
                                "houseNumber",
                                "7",
                                "streetName",
                                "Main Street",
                                "city",
                                "Dublin",
                                "postalCode",
                                "D02",
                                "country",
                                "IE",
                                "subnet",
                                "10.2.99.0/24"))
                .expect(201);
        assertTrue(created.json().path("id").asLong() > 0);
        JsonNode locations = viewer().get("lis/fe-dc2/locations").expect(200).json();
        assertTrue(StreamSupport.stream(locations.spliterator(), false)
                .anyMatch(l -> name.equals(l.path("location").asText())));

        int before = locations.size();
        assertEquals(
                "BAD_REQUEST",
                operator()
                        .post("lis/fe-dc2/locations", Map.of("location", "no city", "country", "IE"))
                        .expect(400)
                        .code());
        assertEquals(
                "BAD_REQUEST",
                operator()
                        .post("lis/fe-dc2/locations", Map.of("city", "Dublin", "country", "IE"))
                        .expect(400)
                        .code());
        for (String subnet : List.of("999.1.1.1", "10.2.0.0/33", ":::", "fe80::1%eth0", "lobby")) {
            Api.Reply refused = operator()
                    .post(
                            "lis/fe-dc2/locations",
                            Map.of("location", "x", "city", "Dublin", "country", "IE", "subnet", subnet));
            assertEquals("BAD_REQUEST", refused.expect(400).code());
            assertTrue(refused.json().path("message").asText().contains("'" + subnet + "'"), refused.body());
        }
        Api.Reply misspelt = operator()
                .post(
                        "lis/fe-dc2/locations",
                        Map.of("location", "x", "city", "Dublin", "country", "IE", "subnett", "10.2.1.0/24"));
        assertTrue(
                misspelt.expect(400).json().path("message").asText().startsWith("unknown field 'subnett'"),
                misspelt.body());
        // Only the status: malformed JSON is answered by RESTEasy's Jackson reader before the API's error mappers.
        operator().post("lis/fe-dc2/locations", "{not json").expect(400);
        assertEquals(
                403,
                viewer().post("lis/fe-dc2/locations", Map.of("location", "x", "city", "y", "country", "z"))
                        .status());
        assertEquals(
                "NOT_FOUND",
                operator().get("lis/no-such-pool/locations").expect(404).code());
        assertEquals(
                "BAD_REQUEST",
                operator().get("lis/Bad%20Pool;--/locations").expect(400).code());
        assertEquals(
                before,
                viewer().get("lis/fe-dc2/locations").expect(200).json().size(),
                "refused requests changed nothing");
    }

    @Test
    void scheduleRunsABackupAndAppliesRetention() {
        String pool = "fe-dc2";
        assertEquals(
                "BAD_REQUEST",
                operator()
                        .put("lis/" + pool + "/backup-schedule", Map.of("everyMinutes", 0, "keep", 2))
                        .expect(400)
                        .code());
        assertEquals(
                "BAD_REQUEST",
                operator()
                        .put("lis/" + pool + "/backup-schedule", Map.of("everyMinutes", 5))
                        .expect(400)
                        .code());
        operator()
                .put("lis/" + pool + "/backup-schedule", "{\"everyMinutes\": \"often\", \"keep\": 2}")
                .expect(400);
        assertEquals(
                403,
                viewer().put("lis/" + pool + "/backup-schedule", Map.of("everyMinutes", 5, "keep", 2))
                        .status());

        Instant set = Instant.now().minusSeconds(1);
        JsonNode schedule = operator()
                .put("lis/" + pool + "/backup-schedule", Map.of("everyMinutes", 60, "keep", 2))
                .expect(200)
                .json();
        assertEquals(60, schedule.path("everyMinutes").asInt());
        assertEquals(2, schedule.path("keep").asInt());
        assertEquals(
                60,
                viewer().get("lis/" + pool + "/backup-schedule")
                        .expect(200)
                        .json()
                        .path("everyMinutes")
                        .asInt());
        try {
            Jobs.await("a scheduled, verified backup of " + pool + " and retention to 2", JOB_TIMEOUT, () -> {
                JsonNode backups =
                        viewer().get("lis/" + pool + "/backups").expect(200).json();
                boolean scheduledOne = StreamSupport.stream(backups.spliterator(), false)
                        .anyMatch(b -> b.path("verified").asBoolean()
                                && Instant.parse(b.path("takenAt").asText()).isAfter(set));
                return scheduledOne && backups.size() <= 2;
            });
        } finally {
            operator()
                    .put("lis/" + pool + "/backup-schedule", Map.of("everyMinutes", 60, "keep", 24))
                    .expect(200);
        }
    }

    @Test
    void restoreMergesTheFailedPoolsLocationsIntoItsBackupPoolOnceAndKeepsItsOwn() {
        takeBackup("fe-dc1");
        long ownOfDc1 = own(viewer().get("lis/fe-dc1/locations").expect(200).json());
        long ownOfDc2 = own(viewer().get("lis/fe-dc2/locations").expect(200).json());

        Instant first = Instant.now().minusSeconds(1);
        long firstRestore = operator()
                .post("lis/fe-dc2/restores", Map.of("from", "fe-dc1"))
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        AtomicReference<JsonNode> merged = new AtomicReference<>();
        Jobs.await("fe-dc1's locations merged into fe-dc2", JOB_TIMEOUT, () -> {
            JsonNode locations =
                    viewer().get("lis/fe-dc2/locations").expect(200).json();
            merged.set(locations);
            return mergedFrom(locations, "fe-dc1", first) == ownOfDc1;
        });
        int total = merged.get().size();
        assertEquals(ownOfDc2, own(merged.get()), "fe-dc2 keeps its own locations");
        // The merged rows are visible before the job ends and gives the pool's lock back.
        Jobs.awaitEnd(operator(), firstRestore, JOB_TIMEOUT);

        Instant second = Instant.now().minusMillis(1);
        operator().post("lis/fe-dc2/restores", Map.of("from", "fe-dc1")).expect(202);
        Jobs.await("the second merge", JOB_TIMEOUT, () -> {
            JsonNode locations =
                    viewer().get("lis/fe-dc2/locations").expect(200).json();
            merged.set(locations);
            return mergedFrom(locations, "fe-dc1", second) == ownOfDc1;
        });
        assertEquals(total, merged.get().size(), "re-running the restore duplicates nothing");
    }

    @Test
    void aRestoreWhoseEveryBackupIsCorruptIsRefusedAndChangesNothing() throws Exception {
        String pool = unique("liscorrupt");
        Pools.createPair(operator(), pool, 0, true);
        String backupPool = Pools.backupOf(pool);
        JsonNode backup =
                viewer().get("lis/" + pool + "/backups").expect(200).json().get(0);
        Path file = SERVER.dataDir().resolve(backup.path("path").asText());
        byte[] original = Files.readAllBytes(file);
        int before = viewer().get("lis/" + backupPool + "/locations")
                .expect(200)
                .json()
                .size();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(original.length / 2);
        }
        Api.Reply refused = operator()
                .post("lis/" + backupPool + "/restores", Map.of("from", pool))
                .expect(409);
        assertEquals("BACKUP_CORRUPT", refused.code());
        assertTrue(refused.json().path("message").asText().contains("fails its SHA-256 check"), refused.body());
        assertEquals(
                before,
                viewer().get("lis/" + backupPool + "/locations")
                        .expect(200)
                        .json()
                        .size());
        assertEquals(
                "NOT_FOUND",
                operator()
                        .post("lis/fe-dc2/restores", Map.of("from", "no-such-pool"))
                        .expect(404)
                        .code());
        assertEquals(
                "BAD_REQUEST",
                operator()
                        .post("lis/fe-dc2/restores", Map.of("from", "fe-dc2"))
                        .expect(400)
                        .code());
    }

    /** Seed 000: "the administrator should regularly back up the LIS database" — new pools too, as the demo's. */
    @Test
    void poolsCreatedThroughTheTopologyApiGetABackupScheduleLikeTheDemos() {
        String pool = unique("lissched");
        Pools.createPair(operator(), pool, 0, false);
        for (String created : List.of(pool, Pools.backupOf(pool))) {
            JsonNode schedule = viewer().get("lis/" + created + "/backup-schedule")
                    .expect(200)
                    .json();
            // The demo's: hourly, keeping 24 (LisDemo).
            assertEquals(60, schedule.path("everyMinutes").asInt(), schedule.toString());
            assertEquals(24, schedule.path("keep").asInt(), schedule.toString());
        }
    }

    /** Seed 000's LIS note is best practice after the failover: a missing backup must not hold users back. */
    @Test
    void aMissingLisBackupDoesNotHoldUsersInResiliencyModeTheFailoverCompletesWithTheRestorePending() {
        String pool = unique("lisnone");
        String backupPool = Pools.backupOf(pool);
        Pools.createPair(operator(), pool, 10, false);
        operator().post("pools/" + pool + "/outage").expect(200);
        JsonNode plan = operator()
                .post("pools/" + pool + "/failover?dryRun=true")
                .expect(200)
                .json();
        assertTrue(plan.path("lisBackup").isNull(), plan.toString());
        String restoreStep = plan.path("steps").get(1).asText();
        assertTrue(
                restoreStep.startsWith("restore-lis-backup: LEFT PENDING: pool " + pool + " has no LIS backup"),
                restoreStep);

        long failover = Pools.startFailover(operator(), pool);
        JsonNode job = Jobs.awaitEnd(operator(), failover, JOB_TIMEOUT);
        assertEquals("COMPLETED", job.path("status").asText(), job.toString());
        assertTrue(job.path("exitStatus").asText().startsWith("LIS_RESTORE_PENDING"), job.toString());
        assertTrue(
                logLines(failover).stream()
                        .anyMatch(l ->
                                l.contains("LIS_RESTORE_PENDING") && l.contains("pool " + pool + " has no LIS backup")),
                logLines(failover).toString());
        JsonNode details = Pools.pool(viewer(), pool);
        assertEquals("FAILED_OVER", details.path("state").asText());
        assertTrue(details.path("lisRestorePending").asBoolean(), details.toString());
        // "After the failover is complete, all users can get all services from the backup pool."
        String user = Pools.sip(pool, 3);
        JsonNode registration = client().post("clients/" + user + "/sign-in", Map.of("clientVersion", "LYNC_2013"))
                .expect(200)
                .json();
        assertEquals(backupPool, registration.path("servingPool").asText());
        assertEquals("REGULAR", registration.path("mode").asText());
        client().post("clients/" + user + "/contacts", Map.of("sip", Pools.sip(backupPool, 1)))
                .expect(201);

        assertEquals(
                "NO_LIS_BACKUP",
                operator()
                        .post("lis/" + backupPool + "/restores", Map.of("from", pool))
                        .expect(409)
                        .code());
        assertTrue(Pools.pool(viewer(), pool).path("lisRestorePending").asBoolean());
        operator()
                .post("lis/" + pool + "/locations", Map.of("location", "Reception", "city", "Oslo", "country", "NO"))
                .expect(201);
        takeBackup(pool);
        long restore = operator()
                .post("lis/" + backupPool + "/restores", Map.of("from", pool))
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), restore, JOB_TIMEOUT).path("status").asText());
        JsonNode restored = Pools.pool(viewer(), pool);
        assertFalse(restored.path("lisRestorePending").asBoolean(), restored.toString());
        assertEquals(List.of("Reception"), locationsFrom(backupPool, pool));
    }

    @Test
    void whenTheNewestLisBackupFailsVerificationTheFailoverRestoresTheNewestVerifiedOlderOneAndSaysSo()
            throws Exception {
        String pool = unique("lisolder");
        String backupPool = Pools.backupOf(pool);
        Pools.createPair(operator(), pool, 10, true);
        addLocation(pool, "Lobby");
        String older = takeBackup(pool).path("file").asText();
        addLocation(pool, "Roof");
        JsonNode newest = takeBackup(pool);
        Path file = SERVER.dataDir().resolve(newest.path("path").asText());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(Files.size(file) / 2);
        }
        operator().post("pools/" + pool + "/outage").expect(200);
        JsonNode plan = operator()
                .post("pools/" + pool + "/failover?dryRun=true")
                .expect(200)
                .json();
        assertEquals(older, plan.path("lisBackup").asText(), plan.toString());

        long failover = Pools.startFailover(operator(), pool);
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), failover, JOB_TIMEOUT).path("status").asText());
        List<String> log = logLines(failover);
        assertTrue(
                log.stream()
                        .anyMatch(l ->
                                l.contains("passed over: " + newest.path("file").asText()) && l.contains("SHA-256")),
                log.toString());
        assertTrue(
                log.stream()
                        .anyMatch(
                                l -> l.contains("newest usable (older) verified LIS backup of " + pool + ": " + older)),
                log.toString());
        assertEquals(List.of("Lobby"), locationsFrom(backupPool, pool));
        assertFalse(Pools.pool(viewer(), pool).path("lisRestorePending").asBoolean());
    }

    /**
     * "Note in Lync 2013, the Location Information Server database is not replicated to the backup pool ... use the
     * latest backup copy": the newest of several is restored, and what was added after it is not there.
     */
    @Test
    void failoverRestoresTheNewestOfSeveralBackupsAndALocationAddedAfterItIsAbsentFromTheBackupPool() {
        String pool = unique("lisnewest");
        String backupPool = Pools.backupOf(pool);
        Pools.createPair(operator(), pool, 10, true);
        addLocation(pool, "Atrium");
        takeBackup(pool);
        addLocation(pool, "Basement");
        String newest = takeBackup(pool).path("file").asText();
        addLocation(pool, "Cafeteria");
        assertTrue(viewer().get("lis/" + pool + "/backups").expect(200).json().size() >= 3, "several backups");

        operator().post("pools/" + pool + "/outage").expect(200);
        long failover = Pools.startFailover(operator(), pool);
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), failover, JOB_TIMEOUT).path("status").asText());
        assertTrue(logLines(failover).stream()
                .anyMatch(l -> l.contains("latest verified LIS backup of " + pool + ": " + newest)));
        assertEquals(
                List.of("Atrium", "Basement"),
                locationsFrom(backupPool, pool),
                "Cafeteria came after the latest backup");
    }

    @Test
    void aNewPoolHasNoBackupUntilOneIsTakenThenTheRestoreJobIsListedWithItsLog() {
        String pool = unique("lis");
        Pools.createPair(operator(), pool, 0, false);
        String backupPool = Pools.backupOf(pool);
        assertEquals(
                0, viewer().get("lis/" + pool + "/locations").expect(200).json().size());
        Api.Reply none = operator()
                .post("lis/" + backupPool + "/restores", Map.of("from", pool))
                .expect(409);
        assertEquals("NO_LIS_BACKUP", none.code());
        assertTrue(none.json().path("message").asText().contains("POST /api/lis/" + pool + "/backups"), none.body());

        operator()
                .post("lis/" + pool + "/locations", Map.of("location", "Reception", "city", "Oslo", "country", "NO"))
                .expect(201);
        JsonNode backup = takeBackup(pool);
        JsonNode backupJob =
                Jobs.awaitEnd(operator(), backup.path("jobExecutionId").asLong(), JOB_TIMEOUT);
        assertEquals("COMPLETED", backupJob.path("status").asText(), backupJob.toString());
        assertEquals("lis-backup", backupJob.path("jobName").asText());
        assertTrue(logLines(backup.path("jobExecutionId").asLong()).stream()
                .anyMatch(l -> l.startsWith("BACKUP DATABASE lis_")));

        long restore = operator()
                .post("lis/" + backupPool + "/restores", Map.of("from", pool))
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        JsonNode job = Jobs.awaitEnd(operator(), restore, JOB_TIMEOUT);
        assertEquals("COMPLETED", job.path("status").asText(), job.toString());
        assertEquals("restore-lis-backup", job.path("steps").get(0).path("name").asText());
        List<String> log = logLines(restore);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("CHECK SHA-256")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("RESTORE DATABASE lis_staging_")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("MERGE 1 locations")), log.toString());
        JsonNode merged =
                viewer().get("lis/" + backupPool + "/locations").expect(200).json();
        assertEquals(1, merged.size());
        assertEquals(pool, merged.get(0).path("originPool").asText());
        assertTrue(StreamSupport.stream(
                        viewer().get("jobs?pool=" + backupPool)
                                .expect(200)
                                .json()
                                .spliterator(),
                        false)
                .anyMatch(j -> j.path("id").asLong() == restore));
    }

    @Test
    void restoreIntoAPoolAFailoverInvolvesIsRefusedWithJobRunningAndAcceptedOnceTheFailoverEnded() {
        String pool = unique("lislock");
        String backupPool = Pools.backupOf(pool);
        Pools.createPair(operator(), pool, 3000, false);
        operator()
                .post("lis/" + pool + "/locations", Map.of("location", "Reception", "city", "Oslo", "country", "NO"))
                .expect(201);
        takeBackup(pool);
        int before = viewer().get("lis/" + backupPool + "/locations")
                .expect(200)
                .json()
                .size();
        operator().post("pools/" + pool + "/outage").expect(200);
        // Small chunks keep the failover running while the restore is tried.
        long failover = operator()
                .post("pools/" + pool + "/failover", Map.of("itemCount", 5, "partitions", 1))
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();

        Api.Reply refused = operator().post("lis/" + backupPool + "/restores", Map.of("from", pool));
        assertEquals(409, refused.status(), refused.body());
        assertEquals("JOB_RUNNING", refused.code());
        assertTrue(refused.json().path("message").asText().contains("pool-failover"), refused.body());
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), failover, JOB_TIMEOUT).path("status").asText());
        int afterFailover = viewer().get("lis/" + backupPool + "/locations")
                .expect(200)
                .json()
                .size();
        assertTrue(
                afterFailover > before,
                "the failover merged the failed pool's locations: " + before + " → " + afterFailover);

        // The restore job releases the locks it took when it ends: a second one (and a failback) can start after it.
        for (int round = 0; round < 2; round++) {
            long restore = operator()
                    .post("lis/" + backupPool + "/restores", Map.of("from", pool))
                    .expect(202)
                    .json()
                    .path("jobExecutionId")
                    .asLong();
            assertEquals(
                    "COMPLETED",
                    Jobs.awaitEnd(operator(), restore, JOB_TIMEOUT)
                            .path("status")
                            .asText());
        }
        assertEquals(
                afterFailover,
                viewer().get("lis/" + backupPool + "/locations")
                        .expect(200)
                        .json()
                        .size(),
                "restoring the same backup again merges nothing new");
        operator().post("pools/" + pool + "/repair").expect(200);
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), Pools.startFailback(operator(), pool, null), JOB_TIMEOUT)
                        .path("status")
                        .asText());
    }

    private static void addLocation(String pool, String location) {
        operator()
                .post("lis/" + pool + "/locations", Map.of("location", location, "city", "Oslo", "country", "NO"))
                .expect(201);
    }

    /** The names of the locations {@code into}'s LIS database holds from {@code from}, sorted. */
    private static List<String> locationsFrom(String into, String from) {
        return StreamSupport.stream(
                        viewer().get("lis/" + into + "/locations")
                                .expect(200)
                                .json()
                                .spliterator(),
                        false)
                .filter(l -> from.equals(l.path("originPool").asText(null)))
                .map(l -> l.path("location").asText())
                .sorted()
                .toList();
    }

    private static List<String> logLines(long execution) {
        return StreamSupport.stream(
                        operator()
                                .get("jobs/" + execution + "/log")
                                .expect(200)
                                .json()
                                .spliterator(),
                        false)
                .map(l -> l.path("line").asText())
                .toList();
    }

    private static JsonNode takeBackup(String pool) {
        long execution = operator()
                .post("lis/" + pool + "/backups")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Jobs.await("verified backup of " + pool + " by execution " + execution, JOB_TIMEOUT, () -> {
            for (JsonNode b :
                    viewer().get("lis/" + pool + "/backups").expect(200).json()) {
                if (b.path("jobExecutionId").asLong() == execution
                        && b.path("verified").asBoolean()) {
                    found.set(b);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private static long own(JsonNode locations) {
        return StreamSupport.stream(locations.spliterator(), false)
                .filter(l -> l.path("originPool").isNull())
                .count();
    }

    private static long mergedFrom(JsonNode locations, String pool, Instant after) {
        return StreamSupport.stream(locations.spliterator(), false)
                .filter(l -> pool.equals(l.path("originPool").asText(null)))
                .filter(l -> !l.path("mergedAt").isNull()
                        && Instant.parse(l.path("mergedAt").asText()).isAfter(after))
                .count();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
