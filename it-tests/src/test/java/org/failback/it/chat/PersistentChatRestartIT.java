package org.failback.it.chat;

import static org.failback.it.chat.ChatPools.awaitCompleted;
import static org.failback.it.chat.ChatPools.pool;
import static org.failback.it.chat.ChatPools.post;
import static org.failback.it.chat.ChatPools.postStatus;
import static org.failback.it.chat.ChatPools.primarySite;
import static org.failback.it.chat.ChatPools.servers;
import static org.failback.it.chat.ChatPools.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.failback.it.Jobs;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/**
 * A runbook step fails once, for a reason the environment gives (a folder that is not one, a backup whose bytes
 * changed on the share), and a restart of the execution ends where an uninterrupted run ends: every message exactly
 * once, in order, in mgc and mgccomp. No product code checks for a test here: the faults are real files.
 */
class PersistentChatRestartIT extends ProductIT {

    @Test
    void aFailoverThatFailedAtCheckShareAccessCompletesWhenRestartedOnceTheCopyFolderIsWritable() throws IOException {
        String pool = unique("pc");
        List<String> expected = preparedPool(pool);
        Path copy = SERVER.dataDir()
                .resolve("instances")
                .resolve(pool + "-sql2")
                .resolve("copy")
                .resolve("mgc");
        Path aside = copy.resolveSibling("mgc-aside");
        Files.move(copy, aside);
        Files.writeString(copy, "not a folder");
        operator().post("chat/pools/" + pool + "/outage").expect(200);
        long failed = start(operator().post("chat/pools/" + pool + "/failover"));
        JsonNode job = Jobs.awaitEnd(operator(), failed, ChatPools.JOB_TIMEOUT);
        assertEquals("FAILED", job.path("status").asText(), job.toString());
        assertEquals(
                "FAILED", Jobs.step(job, "check-share-access").path("status").asText());
        assertEquals("FAILING_OVER", pool(viewer(), pool).path("state").asText());
        assertEquals(503, postStatus(client(), pool + "-room", "while failing over"));

        Files.delete(copy);
        Files.move(aside, copy);
        awaitCompleted(operator(), start(operator().post("jobs/" + failed + "/restart")));
        assertEquals("FAILED_OVER", pool(viewer(), pool).path("state").asText());
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", false, 1000));
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", true, 1000));
    }

    @Test
    void aFailbackThatFailedAtRestorePrimaryRefusesPostsUntilItsRestartSetsTheActiveServers() throws IOException {
        String pool = unique("pc");
        List<String> expected = failedOverAndRebuilt(pool);
        Path marker = breakRestoreHistory(pool);

        long failed = startFailback(pool);
        JsonNode job = Jobs.awaitEnd(operator(), failed, ChatPools.JOB_TIMEOUT);
        assertEquals("FAILED", job.path("status").asText(), job.toString());
        assertEquals("FAILED", Jobs.step(job, "restore-primary").path("status").asText());
        assertEquals(
                "COMPLETED",
                Jobs.step(job, "backup-mgc-to-share").path("status").asText());
        JsonNode between = pool(viewer(), pool);
        assertEquals("FAILING_BACK", between.path("state").asText());
        assertTrue(between.path("activeServers").isEmpty(), between.toString());
        assertEquals(503, postStatus(client(), pool + "-room", "between steps 1 and 6"));
        assertEquals(
                409,
                operator()
                        .post("chat/pools/" + pool + "/failback", servers("chat1." + primarySite(pool)))
                        .status(),
                "a failed failback continues by restart, not by a new start");

        deleteTree(marker);
        long restarted = start(operator().post("jobs/" + failed + "/restart"));
        awaitCompleted(operator(), restarted);
        assertEquals("NORMAL", pool(viewer(), pool).path("state").asText());
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", false, 1000));
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", true, 1000));
        post(client(), pool + "-room", "after the restarted failback");
    }

    @Test
    void aCorruptedBackupOnTheShareIsRefusedWithThePrimaryUntouchedAndARestartTakesAFreshOne() throws IOException {
        String pool = unique("pc");
        List<String> expected = failedOverAndRebuilt(pool);
        Path marker = breakRestoreHistory(pool);
        long failed = startFailback(pool);
        assertEquals(
                "FAILED",
                Jobs.awaitEnd(operator(), failed, ChatPools.JOB_TIMEOUT)
                        .path("status")
                        .asText());
        deleteTree(marker);

        Path backup = failbackBackup(pool);
        byte[] bytes = Files.readAllBytes(backup);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 16; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(backup, bytes);

        long refused = start(operator().post("jobs/" + failed + "/restart"));
        JsonNode job = Jobs.awaitEnd(operator(), refused, ChatPools.JOB_TIMEOUT);
        assertEquals("FAILED", job.path("status").asText(), job.toString());
        assertTrue(viewer().get("jobs/" + refused + "/log").expect(200).body().contains("corrupt"));
        JsonNode commands = viewer().get("sql/commands?job=" + refused + "&instance=" + pool + "-sql1")
                .expect(200)
                .json();
        for (JsonNode command : commands) {
            assertFalse(command.path("commandType").asText().startsWith("RESTORE_DATABASE"), command.toString());
        }
        assertEquals("FAILING_BACK", pool(viewer(), pool).path("state").asText());

        awaitCompleted(operator(), start(operator().post("jobs/" + refused + "/restart")));
        assertEquals("NORMAL", pool(viewer(), pool).path("state").asText());
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", false, 1000));
        assertEquals(expected, ChatPools.texts(viewer(), pool + "-room", true, 1000));
    }

    private List<String> preparedPool(String pool) {
        return ChatPools.shipped(operator(), client(), pool);
    }

    private List<String> failedOverAndRebuilt(String pool) {
        return ChatPools.failedOverAndRebuilt(operator(), client(), pool);
    }

    private long startFailback(String pool) {
        return ChatPools.startFailback(operator(), pool);
    }

    /**
     * The rebuilt primary's restore history of mgc made a non-empty folder: the restore runs, recording it fails, so
     * the step fails once (as a full disk or a lost connection would after the data was written).
     */
    private static Path breakRestoreHistory(String pool) throws IOException {
        Path marker = SERVER.dataDir()
                .resolve("instances")
                .resolve(pool + "-sql1")
                .resolve("databases")
                .resolve("mgc")
                .resolve("restored-from");
        Files.createDirectories(marker);
        Files.writeString(marker.resolve("occupied"), "x");
        return marker;
    }

    private static Path failbackBackup(String pool) throws IOException {
        Path share = SERVER.dataDir().resolve("shares").resolve("log-shipping").resolve("mgc");
        try (Stream<Path> files = Files.list(share)) {
            return files.filter(f -> f.getFileName().toString().startsWith("mgc-" + pool + "-sql2-failback-"))
                    .filter(f -> f.getFileName().toString().endsWith(".zip"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no failback backup of " + pool + " on the share"));
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
