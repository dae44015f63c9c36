package org.failback.it.api;

import static org.failback.it.api.PoolPair.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/** The Front End pools API: topology pairs, pool details and counts, the state machine, the per-user table. */
class PoolApiIT extends ProductIT {

    @Test
    void aNewPairBacksItselfUpAcrossTwoSitesWithItsUsersCountedPerPool() {
        PoolPair pair = PoolPair.create(operator(), "pair", 25, 300);
        JsonNode pools = viewer().get("pools").expect(200).json();
        JsonNode pool = find(pools, pair.pool());
        assertEquals(pair.site(), pool.path("site").asText());
        assertEquals(pair.backupPool(), pool.path("backupPool").asText());
        assertEquals("NORMAL", pool.path("state").asText());
        assertEquals(25, pool.path("homedUsers").asInt());
        assertEquals(
                pair.pool(), find(pools, pair.backupPool()).path("backupPool").asText());

        JsonNode details = pair.details(viewer());
        assertEquals(300, details.path("resiliencyTimerSeconds").asInt());
        assertFalse(details.path("repaired").asBoolean());
        assertTrue(details.path("lastJob").isNull());
        assertEquals(
                Map.of("homed", 25, "signedIn", 0, "onBackup", 0, "moved", 0, "done", 0, "failed", 0), counts(details));

        signIn(client(), pair.user(1));
        signIn(client(), pair.user(2));
        assertEquals(2, pair.details(viewer()).path("counts").path("signedIn").asInt());

        // Names are unique: the same pair again is refused and nothing more is created.
        var again = operator()
                .post(
                        "topology/pairs",
                        Map.of(
                                "site",
                                pair.site(),
                                "backupSite",
                                pair.backupSite(),
                                "pool",
                                pair.pool(),
                                "backupPool",
                                pair.backupPool(),
                                "users",
                                5));
        assertEquals(409, again.status(), again.body());
        assertEquals(25, pair.details(viewer()).path("counts").path("homed").asInt());
    }

    @Test
    void outageThenRecoveryBeforeFailoverReturnsThePoolToNormal() {
        PoolPair pair = PoolPair.create(operator(), "recover", 5, 120);
        JsonNode down =
                operator().post("pools/" + pair.pool() + "/outage").expect(200).json();
        assertEquals("DOWN", down.path("state").asText());
        assertFalse(down.path("outageAt").isNull());
        JsonNode normal =
                operator().post("pools/" + pair.pool() + "/recover").expect(200).json();
        assertEquals("NORMAL", normal.path("state").asText());
        assertEquals("NORMAL", pair.details(viewer()).path("state").asText());
    }

    @Test
    void resiliencyTimerTakesAnyIntegerFromOneSecondToOneDay() {
        PoolPair pair = PoolPair.create(operator(), "timer", 0, 120);
        for (int seconds : new int[] {1, 86_400, 45}) {
            JsonNode changed = operator()
                    .put("pools/" + pair.pool() + "/settings", Map.of("resiliencyTimerSeconds", seconds))
                    .expect(200)
                    .json();
            assertEquals(seconds, changed.path("resiliencyTimerSeconds").asInt());
        }
        assertEquals(45, pair.details(viewer()).path("resiliencyTimerSeconds").asInt());
    }

    @Test
    void usersArePagedSortedBySipFilteredByStatusAndSearchedByPrefix() {
        PoolPair pair = PoolPair.create(operator(), "paging", 30, 120);
        JsonNode second = viewer().get("pools/" + pair.pool() + "/users?page=1&size=10")
                .expect(200)
                .json();
        assertEquals(30, second.path("total").asInt());
        assertEquals(1, second.path("page").asInt());
        assertEquals(10, second.path("size").asInt());
        assertEquals(pair.user(11), second.path("items").get(0).path("sip").asText());
        assertEquals(pair.user(20), second.path("items").get(9).path("sip").asText());
        List<String> sips = sips(second);
        assertEquals(sips.stream().sorted().toList(), sips);

        JsonNode item = second.path("items").get(0);
        for (String field : List.of(
                "sip", "clientVersion", "signedIn", "servingPool", "mode", "failbackStatus", "updatedAt", "error")) {
            assertTrue(item.has(field), "field " + field + " in " + item);
        }
        assertEquals("NOT_AFFECTED", item.path("failbackStatus").asText());
        assertTrue(item.path("mode").isNull());

        JsonNode prefixed = viewer().get("pools/" + pair.pool() + "/users?q=user0002")
                .expect(200)
                .json();
        assertEquals(10, prefixed.path("total").asInt(), "user00020 to user00029");
        assertEquals(pair.user(20), prefixed.path("items").get(0).path("sip").asText());
        JsonNode withScheme = viewer().get("pools/" + pair.pool() + "/users?q=sip:user0003")
                .expect(200)
                .json();
        assertEquals(List.of(pair.user(30)), sips(withScheme));

        JsonNode afterKey = viewer().get("pools/" + pair.pool() + "/users?size=2&after=" + pair.user(28))
                .expect(200)
                .json();
        assertEquals(List.of(pair.user(29), pair.user(30)), sips(afterKey));

        assertEquals(
                0,
                viewer().get("pools/" + pair.pool() + "/users?status=ON_BACKUP")
                        .expect(200)
                        .json()
                        .path("total")
                        .asInt());
        assertEquals(
                30,
                viewer().get("pools/" + pair.pool() + "/users?status=NOT_AFFECTED&size=500")
                        .expect(200)
                        .json()
                        .path("items")
                        .size());
    }

    @Test
    void oneUserIsFoundOnItsHomePoolOnlyWithItsSipPercentEncodedOrNot() {
        PoolPair pair = PoolPair.create(operator(), "oneuser", 3, 120);
        String sip = pair.user(3);
        assertEquals(
                sip,
                viewer().get("pools/" + pair.pool() + "/users/" + sip)
                        .expect(200)
                        .json()
                        .path("sip")
                        .asText());
        String encoded = sip.replace(":", "%3A").replace("@", "%40");
        assertEquals(
                sip,
                viewer().get("pools/" + pair.pool() + "/users/" + encoded)
                        .expect(200)
                        .json()
                        .path("sip")
                        .asText());
        var elsewhere = viewer().get("pools/" + pair.backupPool() + "/users/" + sip);
        assertEquals(404, elsewhere.status(), elsewhere.body());
        assertEquals("NOT_FOUND", elsewhere.code());
    }

    static JsonNode find(JsonNode pools, String name) {
        for (JsonNode pool : pools) {
            if (pool.path("name").asText().equals(name)) {
                return pool;
            }
        }
        throw new AssertionError("pool " + name + " not in " + pools);
    }

    static Map<String, Integer> counts(JsonNode details) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        details.path("counts")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static List<String> sips(JsonNode page) {
        List<String> sips = new ArrayList<>();
        page.path("items").forEach(item -> sips.add(item.path("sip").asText()));
        return sips;
    }
}
