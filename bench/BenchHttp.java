import java.io.IOException;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP, auth and JSON-field helpers of the benchmarks. A single-file program (java bench/X.java) compiles only its
 * own file, so this one is compiled first and put on the class path:
 * javac -d DIR bench/BenchHttp.java && java -cp DIR bench/X.java ... (both in the unnamed package; Java 11+).
 */
public final class BenchHttp {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String authorization;

    /** {@code url} is the server's root (http://host:port); {@code role} a key prefix of the credentials file. */
    public BenchHttp(String url, Path credentials, String role) throws IOException {
        this.base = url + "/api/";
        this.authorization = basic(credentials, role);
    }

    public static String basic(Path credentials, String role) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(credentials)) {
            properties.load(reader);
        }
        String pair = properties.getProperty(role + ".username") + ":" + properties.getProperty(role + ".password");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The answer's body; any other status than {@code expected} throws with the answer. */
    public String call(String method, String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .timeout(Duration.ofMinutes(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls GET /api/jobs/{id} until the execution ended; answers its view. */
    public String awaitEnd(long id) throws IOException, InterruptedException {
        while (true) {
            String job = call("GET", "jobs/" + id, null, 200);
            if (ENDED.contains(text(job, "status"))) {
                return job;
            }
            Thread.sleep(50);
        }
    }

    public static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return m.group(1);
    }

    public static long number(String json, String field) {
        return (long) decimal(json, field);
    }

    public static double decimal(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The numbers of a JSON array field, e.g. {@code "jobExecutionIds":[4,5,6]}. */
    public static long[] numbers(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        String list = m.group(1).strip();
        return list.isEmpty()
                ? new long[0]
                : java.util.Arrays.stream(list.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
    }

    /** A share of users, written 0.25 or 1/3 (BENCH_SIGNED_IN). */
    public static double share(String text) {
        String[] parts = text.strip().split("/");
        double share = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.parseDouble(parts[0]);
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("BENCH_SIGNED_IN is a share from 0 to 1, e.g. 1/3: " + text);
        }
        return share;
    }
}
