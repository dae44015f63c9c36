package org.failback.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.failback.it.Pools;
import org.failback.it.ProductIT;
import org.failback.it.RawHttp;
import org.failback.it.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against every endpoint that takes a path segment, a query parameter or a JSON body: SQL
 * metacharacters, path traversal, NUL/CR/LF, 10,000-character strings, look-alike characters, deep nesting and huge
 * numbers. Each request must get a 4xx with an error code (never a 5xx, never a success), and nothing may change: the
 * pools, the fixture pair's details and its users read the same afterwards. Prints the number of cases per category.
 */
class HostileInputIT extends ProductIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Hostile values by category, as they are meant to reach the server (encoded where they go into a URL). */
    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("sql", List.of("' OR '1'='1", "x'; DROP TABLE fe_pool; --", "\" OR \"\"=\"", "1 UNION SELECT 1"));
        VALUES.put("traversal", List.of("../../../../etc/passwd", "..\\..\\windows", "%2e%2e%2f%2e%2e%2f", "....//"));
        VALUES.put("control", List.of("a\u0000b", "a\r\nSet-Cookie: x=y", "a\nb", "\t"));
        VALUES.put("long", List.of("a".repeat(10_000), "sip:" + "u".repeat(10_000) + "@example.com"));
        VALUES.put("look-alike", List.of("fe-dс1", "ｆｅ-dc1", "fe-dc1\u200b", "fe\u2011dc1"));
    }

    private static final List<String> DEEP = List.of("[".repeat(10_000), "{\"a\":".repeat(3_000) + "1");
    private static final List<String> HUGE = List.of("9".repeat(5_000), "1e999999999", "-1e999999999", "1.5e-400");

    private final RawHttp http = new RawHttp(SERVER);
    private final Map<String, Integer> tried = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();

    @Test
    void hostileInputToEveryEndpointIsA4xxWithACodeAndChangesNothing() {
        String pool = unique("hostile");
        Pools.createPair(operator(), pool, 3);
        String user = Pools.sip(pool, 1);
        client().post("clients/" + user + "/sign-in", Map.of("clientVersion", "LYNC_2013"))
                .expect(200);
        String before = snapshot(pool);

        for (Map.Entry<String, List<String>> category : VALUES.entrySet()) {
            for (String value : category.getValue()) {
                String segment = encode(value);
                String c = category.getKey();
                // Path segments.
                for (String path : List.of(
                        "GET pools/%s",
                        "POST pools/%s/outage",
                        "PUT pools/%s/settings",
                        "GET pools/%s/users",
                        "GET pools/" + pool + "/users/%s",
                        "GET pools/%s/transition-audit",
                        "POST pools/%s/failover",
                        "GET clients/%s",
                        "POST clients/%s/sign-in",
                        "GET clients/" + user + "/presence/%s",
                        "GET conferences/%s",
                        "GET p2p/%s",
                        "GET jobs/%s",
                        "GET jobs/%s/log",
                        "POST jobs/%s/restart",
                        "GET lis/%s/locations",
                        "POST lis/%s/backups",
                        "PUT lis/%s/backup-schedule",
                        "PUT accounts/%s")) {
                    String[] parts = path.split(" ", 2);
                    expectRefused(c, parts[0], parts[1].replace("%s", segment), "{}");
                }
                // Query parameters.
                for (String query : List.of(
                        "pools/" + pool + "/users?status=%s",
                        "pools/" + pool + "/users?q=%s",
                        "pools/" + pool + "/users?page=%s",
                        "pools/" + pool + "/users?size=%s",
                        "jobs?pool=%s",
                        "jobs?status=%s",
                        "jobs?limit=%s")) {
                    expectRefused(c, "GET", query.replace("%s", segment), null);
                }
                expectRefused(c, "POST", "pools/" + pool + "/failover?dryRun=" + segment, null);
                // Body fields.
                for (Map.Entry<String, String> body :
                        bodies(pool, user, JSON.valueToTree(value).toString()).entrySet()) {
                    String[] parts = body.getKey().split(" ", 2);
                    expectRefused(c, parts[0], parts[1], body.getValue());
                }
            }
        }
        for (String deep : DEEP) {
            for (String endpoint : bodyEndpoints(pool, user)) {
                String[] parts = endpoint.split(" ", 2);
                expectRefused("deep-nesting", parts[0], parts[1], deep);
            }
        }
        for (String huge : HUGE) {
            for (Map.Entry<String, String> body : numberBodies(pool, huge).entrySet()) {
                String[] parts = body.getKey().split(" ", 2);
                expectRefused("huge-number", parts[0], parts[1], body.getValue());
            }
        }

        int total = tried.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("hostile-input: " + total + " cases tried " + tried + ", " + wrong.size() + " wrong");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.subList(0, Math.min(wrong.size(), 40))));
        assertEquals(before, snapshot(pool), "nothing changed");
    }

    /** Every string-valued body field that names something (not free text), with {@code value} (a JSON literal). */
    private static Map<String, String> bodies(String pool, String user, String value) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("PUT pools/" + pool + "/settings", "{\"resiliencyTimerSeconds\": " + value + "}");
        bodies.put("POST clients/" + user + "/sign-in#v", "{\"clientVersion\": " + value + "}");
        bodies.put("PUT clients/" + user + "/presence", "{\"state\": " + value + "}");
        bodies.put("POST clients/" + user + "/contacts", "{\"sip\": " + value + "}");
        bodies.put("POST clients/" + user + "/conferences", "{\"kind\": " + value + "}");
        bodies.put("POST clients/" + user + "/p2p", "{\"with\": " + value + "}");
        for (String field : List.of("site", "backupSite", "pool", "backupPool")) {
            Map<String, String> pair = new LinkedHashMap<>(Map.of(
                    "site",
                    "\"hx-s1\"",
                    "backupSite",
                    "\"hx-s2\"",
                    "pool",
                    "\"hx-p\"",
                    "backupPool",
                    "\"hx-b\"",
                    "users",
                    "1"));
            pair.put(field, value);
            bodies.put("POST topology/pairs#" + field, json(pair));
        }
        bodies.put("PUT lis/" + pool + "/backup-schedule", "{\"everyMinutes\": " + value + ", \"keep\": 3}");
        bodies.put("POST lis/" + pool + "/restores", "{\"from\": " + value + "}");
        bodies.put("POST pools/" + pool + "/failover#p", "{\"partitions\": " + value + "}");
        bodies.put("POST pools/" + pool + "/failback#m", "{\"maxUsers\": " + value + "}");
        bodies.put("PUT accounts/hostile-" + pool, "{\"role\": " + value + "}");
        return bodies;
    }

    private static Map<String, String> numberBodies(String pool, String number) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("PUT pools/" + pool + "/settings", "{\"resiliencyTimerSeconds\": " + number + "}");
        bodies.put("PUT lis/" + pool + "/backup-schedule#e", "{\"everyMinutes\": " + number + ", \"keep\": 3}");
        bodies.put("PUT lis/" + pool + "/backup-schedule#k", "{\"everyMinutes\": 5, \"keep\": " + number + "}");
        bodies.put("POST pools/" + pool + "/failover#p", "{\"partitions\": " + number + "}");
        bodies.put("POST pools/" + pool + "/failover#i", "{\"itemCount\": " + number + "}");
        bodies.put("POST pools/" + pool + "/failback", "{\"maxUsers\": " + number + "}");
        bodies.put(
                "POST topology/pairs",
                "{\"site\": \"hn-s1\", \"backupSite\": \"hn-s2\", \"pool\": \"hn-p\", \"backupPool\": \"hn-b\","
                        + " \"users\": " + number + "}");
        return bodies;
    }

    private static List<String> bodyEndpoints(String pool, String user) {
        return List.of(
                "PUT pools/" + pool + "/settings",
                "POST clients/" + user + "/sign-in",
                "PUT clients/" + user + "/presence",
                "POST clients/" + user + "/contacts",
                "POST lis/" + pool + "/locations",
                "POST topology/pairs",
                "PUT lis/" + pool + "/backup-schedule",
                "POST lis/" + pool + "/restores",
                "POST pools/" + pool + "/failover",
                "POST test-hooks/faults");
    }

    private void expectRefused(String category, String method, String path, String body) {
        String target = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization(target.startsWith("clients/") ? "client" : "operator"));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        tried.merge(category, 1, Integer::sum);
        Answer answer;
        try {
            answer = http.send(
                    method, "/api/" + target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The client library refuses to send it (a raw control character in a URL): nothing reached the server.
            return;
        }
        String code = codeOf(answer);
        if (answer.status() < 400 || answer.status() >= 500 || code == null) {
            wrong.add(category + ": " + method + " " + abbreviate(target) + " " + abbreviate(String.valueOf(body))
                    + " → " + answer.status() + " " + abbreviate(answer.body()));
        }
    }

    private String snapshot(String pool) {
        JsonNode details = viewer().get("pools/" + pool).expect(200).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) details).remove("lastJob");
        return viewer().get("pools").expect(200).body()
                + details
                + viewer().get("pools/" + pool + "/users?size=500").expect(200).body()
                + viewer().get("lis/" + pool + "/locations").expect(200).body();
    }

    private static String codeOf(Answer answer) {
        try {
            JsonNode json = JSON.readTree(answer.body());
            return json == null ? null : json.path("code").textValue();
        } catch (Exception e) {
            return null;
        }
    }

    private static String encode(String value) {
        return value.contains("%")
                ? value
                : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> out.append(out.length() == 1 ? "" : ", ")
                .append('"')
                .append(k)
                .append("\": ")
                .append(v));
        return out.append('}').toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private static String authorization(String role) {
        return RawHttp.basic(
                SERVER.credentials().getProperty(role + ".username"),
                SERVER.credentials().getProperty(role + ".password"));
    }
}
