package org.failback.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

/** A JSON client of the API as one role (or anonymous), reading the credentials the server wrote on first start. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api as(Server server, String role) {
        Properties credentials = server.credentials();
        String user = credentials.getProperty(role + ".username");
        String password = credentials.getProperty(role + ".password");
        if (user == null || password == null) {
            throw new IllegalStateException("no credentials for role " + role + " in " + server.dataDir());
        }
        return new Api(
                server.baseUrl(),
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static Api anonymous(Server server) {
        return new Api(server.baseUrl(), null);
    }

    public static Api withPassword(Server server, String user, String password) {
        return new Api(
                server.baseUrl(),
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path) {
        return send("POST", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code body} is sent as is when it is a String (to test malformed JSON), else serialised. */
    public Reply send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/" + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    method + " " + path,
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer; {@link #json()} parses the body. */
    public record Reply(String request, int status, String body, String challenge) {

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(request + " answered " + status + " with a body that is not JSON: " + body, e);
            }
        }

        /** Fails with the whole answer in the message when the status is not the expected one. */
        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError(request + ": expected HTTP " + expected + " but got " + status + " " + body);
            }
            return this;
        }

        public String code() {
            return json().path("code").asText(null);
        }
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
