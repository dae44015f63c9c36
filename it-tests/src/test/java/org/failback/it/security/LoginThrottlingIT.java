package org.failback.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.it.ProductIT;
import org.failback.it.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, row "anyone can lock the operator out": wrong passwords are throttled per (source address, account), so
 * they slow the guesser and never the operator signing in from elsewhere; failures are logged and shown to operators.
 * Each test guesses from a loopback address of its own (127.0.0.x), so the throttle it causes touches no other test.
 */
class LoginThrottlingIT extends ProductIT {

    private final RawHttp http = new RawHttp(SERVER);

    @Test
    void tenWrongBasicPasswordsForTheOperatorNeitherLockTheOperatorOutNorGoOnUnthrottled() {
        List<Integer> statuses = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long started = System.nanoTime();
            Reply reply = fromAddress("127.0.0.3", "GET", "/api/pools", basic("operator", "wrong-" + i), null);
            millis.add((System.nanoTime() - started) / 1_000_000);
            statuses.add(reply.status());
            if (reply.status() == 429) {
                assertTrue(reply.body().contains("TOO_MANY_REQUESTS"), reply.body());
                assertTrue(reply.head().toLowerCase().contains("retry-after:"), reply.head());
            } else {
                assertEquals(401, reply.status(), reply.head() + reply.body());
            }
        }
        System.out.println(
                "login-throttle wrong BASIC passwords from one address: statuses=" + statuses + " ms=" + millis);
        assertTrue(statuses.subList(0, 5).stream().allMatch(s -> s == 401), statuses.toString());
        assertTrue(statuses.contains(429), "the guesser is slowed down: " + statuses);
        // The operator, anywhere else, is not locked out.
        operator().get("pools").expect(200);
        assertEquals(
                200,
                fromAddress("127.0.0.2", "GET", "/api/pools", operatorBasic(), null)
                        .status());
    }

    @Test
    void tenWrongFormPasswordsForTheOperatorDoNotLockTheOperatorOutOfThePortal() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Reply reply = fromAddress(
                    "127.0.0.4",
                    "POST",
                    "/j_security_check",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    RawHttp.form(Map.of("j_username", "operator", "j_password", "wrong-" + i)));
            statuses.add(reply.status());
            assertTrue(reply.status() == 200 || reply.status() == 429, reply.status() + " " + reply.body());
            assertFalse(reply.status() == 302, "a wrong password never signs in");
        }
        System.out.println("login-throttle wrong form passwords from one address: statuses=" + statuses);
        assertTrue(statuses.contains(429), statuses.toString());
        // Signing in with the right password from the operator's own browser still works.
        String cookie = http.signInToPortal("operator");
        assertEquals(200, http.get("/index.xhtml", Map.of("Cookie", cookie)).status());
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotDodgeTheThrottle() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, String> headers = new java.util.HashMap<>(basic("viewer", "wrong-" + i));
            headers.put("X-Forwarded-For", "198.51.100." + (i + 1));
            statuses.add(
                    fromAddress("127.0.0.5", "GET", "/api/pools", headers, null).status());
        }
        System.out.println("login-throttle with a new X-Forwarded-For each time: statuses=" + statuses);
        assertTrue(statuses.contains(429), "the header is not believed: " + statuses);
        viewer().get("pools").expect(200);
    }

    @Test
    void failedLoginsAreLoggedWithAccountSourceAndTimeButNoPasswordAndShownToOperators() throws IOException {
        String account = unique("mallory");
        String password = unique("secret-guess");
        assertEquals(
                401,
                fromAddress("127.0.0.6", "GET", "/api/pools", basic(account, password), null)
                        .status());
        Path log = Path.of(System.getProperty("suite.base"), "log", "server.log");
        String lines = Files.readString(log);
        assertTrue(lines.contains("failed login: account '" + account + "' from 127.0.0.6 via BASIC at "), "logged");
        assertFalse(lines.contains(password), "the password is never logged");

        String cookie = http.signInToPortal("operator");
        String dashboard = http.get("/index.xhtml", Map.of("Cookie", cookie)).body();
        assertTrue(dashboard.contains(account), "the dashboard lists the failed login");
        assertTrue(dashboard.contains("127.0.0.6"), "with its source address");
        assertFalse(dashboard.contains(password));
        String viewerCookie = http.signInToPortal("viewer");
        assertFalse(
                http.get("/index.xhtml", Map.of("Cookie", viewerCookie)).body().contains(account), "operators only");
    }

    @Test
    void anUnknownAccountAndAWrongPasswordAreAnsweredAlike() {
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            Reply a = fromAddress("127.0.0.7", "GET", "/api/pools", basic(unique("nobody"), "x"), null);
            unknown.add((System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            Reply b = fromAddress("127.0.0.8", "GET", "/api/pools", basic("client", "wrong-" + i), null);
            wrong.add((System.nanoTime() - started) / 1_000_000);
            assertEquals(a.status(), b.status());
            assertEquals(a.body(), b.body());
        }
        System.out.println("login timing (ms): unknown account " + unknown + ", wrong password " + wrong);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", RawHttp.basic(user, password));
    }

    private static Map<String, String> operatorBasic() {
        return basic(
                SERVER.credentials().getProperty("operator.username"),
                SERVER.credentials().getProperty("operator.password"));
    }

    /** The status line, headers and body of one answer. */
    record Reply(int status, String head, String body) {}

    /** One HTTP/1.1 request over a socket bound to {@code local}, a loopback address standing for one client. */
    private static Reply fromAddress(
            String local, String method, String path, Map<String, String> headers, String body) {
        URI base = URI.create(SERVER.baseUrl());
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: localhost:")
                .append(base.getPort())
                .append("\r\nConnection: close\r\nContent-Length: ")
                .append(content.length)
                .append("\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Reply(status, head, end < 0 ? "" : text.substring(end + 4));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " from " + local + " failed: " + e.getMessage(), e);
        }
    }
}
