package org.failback.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.failback.it.Pools;
import org.failback.it.ProductIT;
import org.failback.it.RawHttp;
import org.failback.it.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's table, one test per row that concerns the API and the portal's transport (the login rows are in
 * LoginThrottlingIT): each request is sent as the hostile user sent it, and each must be refused with
 * the API's error and change nothing.
 */
class HostileRequestsIT extends ProductIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEAK =
            Pattern.compile("org\\.failback|java\\.|jakarta\\.|RESTEASY\\d|https?://|No enum constant|"
                    + Pattern.quote("/work/") + "|" + Pattern.quote("/tmp/") + "|" + Pattern.quote("/root/"));

    private final RawHttp http = new RawHttp(SERVER);

    @Test
    void crossSiteRequestForgeryWithOnlyThePortalSessionCookieIsRefusedAndThePoolStaysUp() {
        String pool = unique("csrf");
        Pools.createPair(operator(), pool, 3);
        for (int n = 1; n <= 2; n++) {
            client().post("clients/" + Pools.sip(pool, n) + "/sign-in", Map.of("clientVersion", "LYNC_2013"))
                    .expect(200);
        }
        String cookie = http.signInToPortal("operator");
        Map<String, String> forged =
                Map.of("Cookie", cookie, "Origin", "https://evil.example.com", "Content-Type", "text/plain");
        for (String path : List.of(
                "/api/pools/" + pool + "/outage",
                "/api/pools/" + pool + "/failover?dryRun=true",
                "/api/clients/" + Pools.sip(pool, 1) + "/sign-out")) {
            Answer answer = http.send("POST", path, forged, "x".getBytes(StandardCharsets.UTF_8));
            assertTrue(answer.status() == 401 || answer.status() == 415, path + " → " + answer);
            assertCode(answer);
            Answer withoutBody =
                    http.send("POST", path, Map.of("Cookie", cookie, "Origin", "https://evil.example.com"), null);
            assertEquals(401, withoutBody.status(), path + " → " + withoutBody);
            assertEquals("UNAUTHORIZED", json(withoutBody).path("code").asText(), withoutBody.body());
        }
        JsonNode after = Pools.pool(viewer(), pool);
        assertEquals("NORMAL", after.path("state").asText());
        assertEquals(2, after.path("counts").path("signedIn").asInt());
        // The same cookie still serves the portal: only the API ignores it.
        assertEquals(200, http.get("/index.xhtml", Map.of("Cookie", cookie)).status());
    }

    @Test
    void aBodyThatIsNotJsonIs415AndAnEmptyOptionalBodyWithoutContentTypeIsAccepted() {
        String pool = unique("ctype");
        Pools.createPair(operator(), pool, 2);
        String auth = operatorAuthorization();
        for (String type :
                List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            Answer answer = http.send(
                    "PUT",
                    "/api/pools/" + pool + "/settings",
                    Map.of("Authorization", auth, "Content-Type", type),
                    "{\"resiliencyTimerSeconds\": 5}".getBytes(StandardCharsets.UTF_8));
            assertEquals(415, answer.status(), type + " → " + answer);
            assertEquals("UNSUPPORTED_MEDIA_TYPE", json(answer).path("code").asText());
        }
        assertEquals(
                120, Pools.pool(viewer(), pool).path("resiliencyTimerSeconds").asInt());
        Answer dryRun =
                http.send("POST", "/api/pools/" + pool + "/failover?dryRun=true", Map.of("Authorization", auth), null);
        assertEquals(409, dryRun.status(), "an empty body is fine; the pool is just not down: " + dryRun);
        assertEquals("ILLEGAL_STATE", json(dryRun).path("code").asText());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndSessionIdsInUrlsAreIgnored() {
        Answer loginForm = http.get("/index.xhtml", Map.of());
        String setCookie = loginForm.cookies().stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + loginForm.headers()));
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        assertFalse(loginForm.body().contains(";jsessionid="), "the login form writes no session id into URLs");

        String cookie = http.signInToPortal("operator");
        String id = cookie.substring("JSESSIONID=".length());
        Answer api = http.get("/api/pools;jsessionid=" + id, Map.of());
        assertEquals(401, api.status(), api.toString());
        Answer page = http.get("/index.xhtml;jsessionid=" + id, Map.of());
        assertFalse(page.body().contains("current-user"), "a session id in the URL signs nobody in");
        Answer dashboard = http.get("/index.xhtml", Map.of("Cookie", cookie));
        assertEquals(200, dashboard.status());
        assertFalse(dashboard.body().contains(";jsessionid="), "pages write no session id into URLs");
    }

    @Test
    void tenThousandOpeningBracketsAre400OnEveryEndpointThatTakesABody() {
        String pool = unique("deep");
        Pools.createPair(operator(), pool, 2);
        String deep = "[".repeat(10_000);
        for (String[] endpoint : bodyEndpoints(pool)) {
            Answer answer = sendJson(endpoint[0], endpoint[1], deep);
            assertEquals(400, answer.status(), endpoint[1] + " → " + answer);
            assertEquals("BAD_REQUEST", json(answer).path("code").asText());
            Answer nestedObjects = sendJson(endpoint[0], endpoint[1], "{\"a\":".repeat(5_000));
            assertEquals(400, nestedObjects.status(), endpoint[1] + " → " + nestedObjects);
        }
        assertEquals(
                120, Pools.pool(viewer(), pool).path("resiliencyTimerSeconds").asInt());
        assertEquals("NORMAL", Pools.pool(viewer(), pool).path("state").asText());
    }

    @Test
    void aFiveThousandDigitNumberIs400AndKeepsTheOldValue() {
        String pool = unique("huge");
        Pools.createPair(operator(), pool, 2);
        String digits = "9".repeat(5_000);
        for (String body : List.of(
                "{\"resiliencyTimerSeconds\": " + digits + "}",
                "{\"resiliencyTimerSeconds\": 1e999999999}",
                "{\"resiliencyTimerSeconds\": 1e-999999999}")) {
            Answer answer = sendJson("PUT", "/api/pools/" + pool + "/settings", body);
            assertEquals(400, answer.status(), answer.toString());
            assertEquals("BAD_REQUEST", json(answer).path("code").asText());
        }
        Answer schedule = sendJson(
                "PUT", "/api/lis/" + pool + "/backup-schedule", "{\"everyMinutes\": " + digits + ", \"keep\": 3}");
        assertEquals(400, schedule.status(), schedule.toString());
        operator().post("pools/" + pool + "/outage").expect(200);
        for (String field : List.of("partitions", "itemCount")) {
            Answer failover =
                    sendJson("POST", "/api/pools/" + pool + "/failover", "{\"" + field + "\": " + digits + "}");
            assertEquals(400, failover.status(), failover.toString());
        }
        JsonNode after = Pools.pool(viewer(), pool);
        assertEquals(120, after.path("resiliencyTimerSeconds").asInt());
        assertEquals("DOWN", after.path("state").asText(), "no failover started");
    }

    @Test
    void aTwentyMegabyteBodyIs413WithTheJsonError() {
        String pool = unique("big");
        Pools.createPair(operator(), pool, 2);
        byte[] body = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        Answer answer = http.send(
                "PUT",
                "/api/pools/" + pool + "/settings",
                Map.of("Authorization", operatorAuthorization(), "Content-Type", "application/json"),
                body);
        assertEquals(413, answer.status(), answer.toString());
        assertEquals("PAYLOAD_TOO_LARGE", json(answer).path("code").asText());
        assertEquals(
                120, Pools.pool(viewer(), pool).path("resiliencyTimerSeconds").asInt());
    }

    @Test
    void aWrongBasicPasswordGetsTheJsonErrorWithoutALoginPageOrANewSession() {
        Answer answer = http.get(
                "/api/pools", Map.of("Authorization", RawHttp.basic("viewer", "not-the-password"), "Accept", "*/*"));
        assertEquals(401, answer.status(), answer.toString());
        assertEquals("UNAUTHORIZED", json(answer).path("code").asText());
        assertTrue(
                answer.header("www-authenticate").orElse("").startsWith("Basic"),
                answer.headers().toString());
        assertFalse(answer.body().contains("<html"), answer.body());
        assertTrue(
                answer.cookies().stream()
                        .filter(c -> c.startsWith("JSESSIONID="))
                        .allMatch(c -> c.toLowerCase().contains("max-age=0") || c.contains("01-Jan-1970")),
                "no live session cookie: " + answer.cookies());
    }

    @Test
    void errorBodiesNameNoClassNameUrlMessageIdOrAbsolutePath() {
        String pool = unique("leak");
        Pools.createPair(operator(), pool, 2);
        List<Answer> answers = List.of(
                http.get("/api/no-such-thing", Map.of("Authorization", viewerAuthorization())),
                http.get("/api/pools/" + pool + "/users?status=GONE", Map.of("Authorization", viewerAuthorization())),
                http.get("/api/pools/" + pool + "/nope", Map.of("Authorization", viewerAuthorization())),
                sendJson(
                        "POST",
                        "/api/clients/" + Pools.sip(pool, 1) + "/sign-in",
                        "{\"clientVersion\": \"LYNC_3000\"}"),
                sendJson("PUT", "/api/pools/" + pool + "/settings", "{\"resiliencyTimerSeconds\": "),
                http.get("/api/jobs/999999999/log", Map.of("Authorization", viewerAuthorization())),
                http.send(
                        "POST",
                        "/api/test-hooks/faults",
                        Map.of("Authorization", operatorAuthorization(), "Content-Type", "application/json"),
                        "{\"sip\": [".getBytes(StandardCharsets.UTF_8)));
        for (Answer answer : answers) {
            assertTrue(answer.status() >= 400 && answer.status() < 500, answer.toString());
            assertNotNull(json(answer).path("code").textValue(), answer.body());
            assertFalse(LEAK.matcher(answer.body()).find(), "leaks: " + answer.body());
        }
    }

    @Test
    void duplicateKeysTrailingDataAndAWrongCharsetAre400AndChangeNothing() {
        String pool = unique("lenient");
        Pools.createPair(operator(), pool, 2);
        String settings = "/api/pools/" + pool + "/settings";
        for (String body : List.of(
                "{\"resiliencyTimerSeconds\": 30, \"resiliencyTimerSeconds\": 60}",
                "{\"resiliencyTimerSeconds\": 30} garbage",
                "{\"resiliencyTimerSeconds\": 30}{}")) {
            Answer answer = sendJson("PUT", settings, body);
            assertEquals(400, answer.status(), body + " → " + answer);
            assertEquals("BAD_REQUEST", json(answer).path("code").asText());
        }
        Answer latin1 = http.send(
                "PUT",
                settings,
                Map.of(
                        "Authorization",
                        operatorAuthorization(),
                        "Content-Type",
                        "application/json; charset=ISO-8859-1"),
                "{\"resiliencyTimerSeconds\": 30}".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(400, latin1.status(), latin1.toString());
        byte[] notUtf8 = "{\"resiliencyTimerSeconds\": 30, \"x\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Answer malformed = http.send(
                "PUT",
                settings,
                Map.of("Authorization", operatorAuthorization(), "Content-Type", "application/json; charset=utf-8"),
                notUtf8);
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals(
                120, Pools.pool(viewer(), pool).path("resiliencyTimerSeconds").asInt());
    }

    @Test
    void deleteOnAPoolIs405WithAllowAndAnonymousOptionsIs401() {
        Answer delete =
                http.send("DELETE", "/api/pools/fe-dc1", Map.of("Authorization", operatorAuthorization()), null);
        assertEquals(405, delete.status(), delete.toString());
        assertEquals("METHOD_NOT_ALLOWED", json(delete).path("code").asText());
        assertTrue(
                delete.header("allow").orElse("").contains("GET"),
                delete.headers().toString());
        Answer options = http.send("OPTIONS", "/api/pools/fe-dc1", Map.of(), null);
        assertEquals(401, options.status(), options.toString());
        assertEquals("UNAUTHORIZED", json(options).path("code").asText());
        assertEquals(
                200,
                http.send("OPTIONS", "/api/pools/fe-dc1", Map.of("Authorization", viewerAuthorization()), null)
                        .status());
    }

    @Test
    void aForgedViewStateGetsAPlainErrorPageWithoutStackTraceOrVersions() {
        String cookie = http.signInToPortal("operator");
        Answer answer = http.send(
                "POST",
                "/pool.xhtml?name=fe-dc1",
                Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
                RawHttp.form(Map.of(
                                "timer-form", "timer-form",
                                "timer-form:save-timer", "",
                                "jakarta.faces.ViewState", "-1234567890123456789:987654321"))
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.status() >= 400, answer.status() + " " + answer.body());
        assertTrue(answer.body().contains("expired-page") || answer.body().contains("error-page"), answer.body());
        for (String leak :
                List.of("Exception", "at org.", "at jakarta.", "Mojarra", "PrimeFaces", "WildFly", "Caused by")) {
            assertFalse(answer.body().contains(leak), leak + " in " + answer.body());
        }
        assertEquals("NORMAL", Pools.pool(viewer(), "fe-dc1").path("state").asText());
    }

    @Test
    void everyPortalPageCarriesTheSecurityHeaders() {
        String cookie = http.signInToPortal("viewer");
        Map<String, Answer> pages = new java.util.LinkedHashMap<>();
        pages.put("login form", http.get("/index.xhtml", Map.of()));
        for (String page : List.of(
                "/index.xhtml", "/pool.xhtml?name=fe-dc1", "/jobs.xhtml", "/lis.xhtml?pool=fe-dc1", "/error.html")) {
            pages.put(page, http.get(page, Map.of("Cookie", cookie)));
        }
        pages.put("API", http.get("/api/health", Map.of()));
        pages.forEach((page, answer) -> {
            String csp = answer.header("content-security-policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), page + ": " + answer.headers());
            assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src"), page + ": " + csp);
            assertFalse(csp.contains("'unsafe-eval'"), page + ": " + csp);
            assertEquals("DENY", answer.header("x-frame-options").orElse(null), page);
            assertEquals("nosniff", answer.header("x-content-type-options").orElse(null), page);
            assertEquals("no-referrer", answer.header("referrer-policy").orElse(null), page);
        });
        String pageCsp =
                pages.get("/index.xhtml").header("content-security-policy").orElseThrow();
        assertTrue(
                pageCsp.matches(".*script-src 'self' 'nonce-[^']+'.*"),
                "scripts only with the page's nonce: " + pageCsp);
    }

    /** Every endpoint that takes a JSON body, as {method, path}. */
    static List<String[]> bodyEndpoints(String pool) {
        return List.of(
                new String[] {"PUT", "/api/pools/" + pool + "/settings"},
                new String[] {"POST", "/api/clients/" + Pools.sip(pool, 1) + "/sign-in"},
                new String[] {"POST", "/api/lis/" + pool + "/locations"},
                new String[] {"POST", "/api/topology/pairs"},
                new String[] {"PUT", "/api/lis/" + pool + "/backup-schedule"},
                new String[] {"POST", "/api/pools/" + pool + "/failover"},
                new String[] {"POST", "/api/pools/" + pool + "/failback"});
    }

    private Answer sendJson(String method, String path, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", operatorAuthorization());
        headers.put("Content-Type", "application/json");
        return http.send(method, path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertCode(Answer answer) {
        String code = json(answer).path("code").asText();
        assertTrue(code.equals("UNAUTHORIZED") || code.equals("UNSUPPORTED_MEDIA_TYPE"), answer.body());
    }

    static JsonNode json(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + answer.status() + "): " + answer.body(), e);
        }
    }

    static String operatorAuthorization() {
        return authorization("operator");
    }

    static String viewerAuthorization() {
        return authorization("viewer");
    }

    static String authorization(String role) {
        return RawHttp.basic(
                SERVER.credentials().getProperty(role + ".username"),
                SERVER.credentials().getProperty(role + ".password"));
    }
}
