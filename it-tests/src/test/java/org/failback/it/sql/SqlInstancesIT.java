package org.failback.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.it.Jobs;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/** The SQL side over HTTP: the demo instances, a log-shipping round of pchat, and the command log of jobs. */
class SqlInstancesIT extends ProductIT {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void demoInstancesListTheirEngineCapabilitiesAndDatabases() {
        JsonNode instances = viewer().get("sql/instances").expect(200).json();
        for (String[] expected : new String[][] {{"sql-dc1", "dc1"}, {"sql-dc2", "dc2"}}) {
            JsonNode instance = byName(instances, expected[0]);
            assertEquals(expected[1], instance.path("site").asText());
            assertEquals("H2", instance.path("engine").asText());
            List<String> capabilities = texts(instance.path("capabilities"));
            assertTrue(
                    capabilities.containsAll(List.of("BACKUP", "VERIFY", "RESTORE_REPLACE")), capabilities.toString());
            assertFalse(capabilities.contains("MIRRORING"), capabilities.toString());
            assertFalse(capabilities.contains("LOG_BACKUP"), capabilities.toString());
            for (String database : new String[] {"mgc", "mgccomp"}) {
                JsonNode db = byName(instance.path("databases"), database);
                assertEquals("ONLINE", db.path("state").asText());
                assertEquals("NONE", db.path("mirroring").asText());
                JsonNode shipping = db.path("logShipping");
                assertEquals("sql-dc1", shipping.path("primary").asText());
                assertEquals("sql-dc2", shipping.path("secondary").asText());
                assertEquals("FULL_BACKUPS", shipping.path("method").asText());
                assertEquals(60, shipping.path("backupThresholdMinutes").asInt());
                assertEquals(45, shipping.path("restoreThresholdMinutes").asInt());
                assertTrue(shipping.has("alert"), shipping.toString());
            }
        }
        assertEquals(401, anonymous().get("sql/instances").status());
        assertEquals(403, client().get("sql/instances").status());
    }

    @Test
    void aLogShippingRoundOfPchatShowsInTheMonitorOfMgc() {
        Instant before = Instant.now().minusSeconds(1);
        long execution = operator()
                .post("chat/pools/pchat/log-shipping/run")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        JsonNode job = Jobs.awaitEnd(operator(), execution, JOB_TIMEOUT);
        assertEquals("COMPLETED", job.path("status").asText(), job.toString());

        JsonNode mgc = byName(
                byName(viewer().get("sql/instances").expect(200).json(), "sql-dc2")
                        .path("databases"),
                "mgc");
        JsonNode shipping = mgc.path("logShipping");
        assertEquals("FULL_BACKUPS", shipping.path("method").asText());
        assertFalse(shipping.path("alert").asBoolean(), shipping.toString());
        assertTrue(Instant.parse(shipping.path("lastRestore").asText()).isAfter(before), shipping.toString());
        assertTrue(shipping.path("lastRestoredFile").asText().startsWith("mgc-sql-dc1-"), shipping.toString());

        JsonNode log = viewer().get("jobs/" + execution + "/log").expect(200).json();
        for (JsonNode line : log) {
            if (line.path("step").isTextual()) {
                assertTrue(
                        line.path("line").asText().contains("FULL_BACKUPS")
                                || line.path("line").asText().startsWith("SHARE ACCESS OK")
                                || line.path("line").asText().matches("(BACKED UP|COPIED|RESTORED) .*"),
                        line.toString());
            }
        }
        JsonNode commands =
                viewer().get("sql/commands?job=" + execution).expect(200).json();
        List<String> types = new ArrayList<>();
        for (JsonNode command : commands) {
            assertEquals(execution, command.path("jobExecutionId").asLong());
            assertNotNull(command.path("endTime").textValue(), command.toString());
            types.add(command.path("commandType").asText());
        }
        assertTrue(
                types.containsAll(
                        List.of("SHARE_ACCESS", "BACKUP_DATABASE", "COPY_FILE", "CHECKSUM", "RESTORE_DATABASE")),
                types.toString());
    }

    @Test
    void aLisBackupsStatementsAreInTheCommandLogWithEndTimes() {
        long execution = operator()
                .post("lis/fe-dc1/backups")
                .expect(202)
                .json()
                .path("jobExecutionId")
                .asLong();
        assertEquals(
                "COMPLETED",
                Jobs.awaitEnd(operator(), execution, JOB_TIMEOUT).path("status").asText());
        JsonNode commands =
                viewer().get("sql/commands?job=" + execution).expect(200).json();
        assertTrue(commands.size() >= 2, commands.toString());
        long newer = Long.MAX_VALUE;
        List<String> types = new ArrayList<>();
        for (JsonNode command : commands) {
            assertTrue(command.path("id").asLong() < newer, "newest first");
            newer = command.path("id").asLong();
            assertEquals("sql-dc1", command.path("instance").asText(), command.toString());
            assertNotNull(command.path("endTime").textValue(), command.toString());
            types.add(command.path("commandType").asText());
        }
        assertTrue(types.contains("BACKUP_DATABASE") && types.contains("RESTORE_VERIFYONLY"), types.toString());
        JsonNode limited = viewer().get("sql/commands?job=" + execution + "&limit=1")
                .expect(200)
                .json();
        assertEquals(1, limited.size());
        assertEquals(
                commands.get(0).path("id").asLong(), limited.get(0).path("id").asLong());
    }

    @Test
    void badQueriesAndSchedulesAreRefusedAndChangeNothing() {
        for (String query : new String[] {
            "limit=0", "limit=10001", "limit=x", "job=-1", "database=mgc;drop", "instance=SQL'", "bogus=1"
        }) {
            assertEquals(400, viewer().get("sql/commands?" + query).status(), query);
        }
        assertEquals(404, operator().post("chat/pools/nosuch/log-shipping/run").status());
        assertEquals(403, viewer().post("chat/pools/pchat/log-shipping/run").status());
        assertEquals(
                400,
                operator()
                        .put(
                                "chat/pools/pchat/log-shipping",
                                Map.of("everyMinutes", 0, "backupThresholdMinutes", 60, "restoreThresholdMinutes", 45))
                        .status());
        assertEquals(
                400,
                operator()
                        .put(
                                "chat/pools/pchat/log-shipping",
                                Map.of(
                                        "everyMinutes",
                                        15,
                                        "backupThresholdMinutes",
                                        60,
                                        "restoreThresholdMinutes",
                                        45,
                                        "extra",
                                        1))
                        .status());
        JsonNode set = operator()
                .put(
                        "chat/pools/pchat/log-shipping",
                        Map.of("everyMinutes", 15, "backupThresholdMinutes", 60, "restoreThresholdMinutes", 45))
                .expect(200)
                .json();
        assertEquals(15, set.path("everyMinutes").asInt());
    }

    private static JsonNode byName(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + name + " in " + list);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
