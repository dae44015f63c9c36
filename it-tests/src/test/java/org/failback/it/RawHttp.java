package org.failback.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP as a hostile client or a browser sends it: any method, header and body bytes, cookies handled by hand (so a
 * test sees exactly which Set-Cookie the server sent), redirects not followed.
 */
public final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Server server;

    public RawHttp(Server server) {
        this.server = server;
    }

    /** One answer with every header, names lower-cased. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst();
        }

        public List<String> cookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }
    }

    public Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> lower = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> lower.put(name.toLowerCase(), values));
            return new Answer(response.statusCode(), lower, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** The {@code name=value} part of the session cookie among the Set-Cookie headers, if one was set. */
    public static Optional<String> sessionCookie(Answer answer) {
        return answer.cookies().stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst();
    }

    /**
     * Signs in through the portal's form as a browser does (page → login form → j_security_check) and returns the
     * {@code JSESSIONID=...} cookie of the signed-in session.
     */
    public String signInToPortal(String role) {
        Answer page = get("/index.xhtml", Map.of());
        String cookie = sessionCookie(page).orElseThrow(() -> new AssertionError("no session for the login form"));
        Answer login = send(
                "POST",
                "/j_security_check",
                Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
                form(Map.of(
                                "j_username", server.credentials().getProperty(role + ".username"),
                                "j_password", server.credentials().getProperty(role + ".password")))
                        .getBytes(StandardCharsets.UTF_8));
        if (login.status() != 302 && login.status() != 303) {
            throw new AssertionError("portal sign-in as " + role + " answered " + login.status() + " " + login.body());
        }
        return sessionCookie(login).orElse(cookie);
    }
}
