package org.failback.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.failback.it.Api;
import org.failback.it.Pools;

/**
 * A fresh pair of Front End pools backing each other up, created through {@code POST /api/topology/pairs} with names
 * no other test uses, so a test never depends on the demo pools' state or on another test's leftovers.
 */
record PoolPair(String site, String backupSite, String pool, String backupPool, int users) {

    static PoolPair create(Api operator, String tag, int users, int resiliencyTimerSeconds) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
        PoolPair pair = new PoolPair(
                "dc-" + tag + "-" + suffix,
                "dr-" + tag + "-" + suffix,
                "fe-" + tag + "-" + suffix,
                "be-" + tag + "-" + suffix,
                users);
        Pools.createPair(
                operator, pair.site, pair.backupSite, pair.pool, pair.backupPool, users, resiliencyTimerSeconds, true);
        return pair;
    }

    /** {@code sip:user{n}@{pool}.example.com}, n zero-padded to five digits as the topology writer does. */
    String user(int n) {
        return sipOn(pool, n);
    }

    String backupUser(int n) {
        return sipOn(backupPool, n);
    }

    static String sipOn(String pool, int n) {
        return "sip:user" + String.format("%05d", n) + "@" + pool + ".example.com";
    }

    static String clientPath(String sip) {
        return "clients/" + sip;
    }

    JsonNode details(Api api) {
        return api.get("pools/" + pool).expect(200).json();
    }

    JsonNode userItem(Api api, String sip) {
        return api.get("pools/" + pool + "/users/" + sip).expect(200).json();
    }

    static JsonNode signIn(Api client, String sip) {
        return client.post(clientPath(sip) + "/sign-in", Map.of("clientVersion", "LYNC_2013"))
                .expect(200)
                .json();
    }
}
