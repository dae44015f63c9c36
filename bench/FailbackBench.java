import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failback benchmark (run by ./bench.sh failback): for each size N, a fresh pool pair of N users is failed over,
 * then failed back three ways on the same rows in the same server: the real pool-failback job, a plain-JDBC keyset
 * loop and set-based UPDATEs. Prints one line per size. Single-file program:
 * java bench/FailbackBench.java URL CREDENTIALS SIZES [JOB-OPTIONS-JSON]
 */
public class FailbackBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String base;
    private static String auth;

    public static void main(String[] args) throws Exception {
        base = args[0] + "/api/";
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(args[1]))) {
            credentials.load(reader);
        }
        auth = "Basic " + Base64.getEncoder().encodeToString((credentials.getProperty("operator.username") + ":"
                + credentials.getProperty("operator.password")).getBytes(StandardCharsets.UTF_8));
        String jobOptions = args.length > 3 && !args[3].isBlank() ? args[3] : null;
        int[] sizes = java.util.Arrays.stream(args[2].split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        // The first jobs and loops in a fresh server also pay for class loading and JIT (a first 20,000-user round ran
        // 1.35-1.67x the loop, later ones 1.04-1.25x): two unreported rounds first.
        int warmUpUsers = Math.min(20_000, java.util.Arrays.stream(sizes).min().orElse(20_000));
        for (int round = 1; round <= 2; round++) {
            System.err.printf("warm-up %d: %s%n", round, run(warmUpUsers, jobOptions));
        }
        for (int size : sizes) {
            Result result = run(size, jobOptions);
            System.out.printf("failback users=%d seconds=%.3f users_per_s=%.0f loop_ratio=%.2f raw_ratio=%.2f%n",
                    result.users, result.job, result.users / result.job, result.job / result.loop, result.job / result.setBased);
            System.out.printf("  (baselines: keyset loop %.3f s, set-based %.3f s; job steps: %s)%n", result.loop, result.setBased, result.steps);
            System.out.printf("  (the failover before it: %.3f s; steps: %s)%n", result.failover, result.failoverSteps);
        }
    }

    private record Result(int users, double job, double loop, double setBased, String steps, double failover, String failoverSteps) {
    }

    private static Result run(int users, String jobOptions) throws Exception {
        String pool = "bench-" + users + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        call("POST", "topology/pairs", "{\"site\":\"" + pool + "-s1\",\"backupSite\":\"" + pool + "-s2\",\"pool\":\"" + pool
                + "\",\"backupPool\":\"" + pool + "-b\",\"users\":" + users + "}", 201);
        call("POST", "pools/" + pool + "/outage", null, 200);
        String failover = awaitEnd(number(call("POST", "pools/" + pool + "/failover", null, 202), "jobExecutionId"));
        call("POST", "pools/" + pool + "/repair", null, 200);

        String job = awaitEnd(number(call("POST", "pools/" + pool + "/failback", jobOptions, 202), "jobExecutionId"));
        if (!"COMPLETED".equals(text(job, "status"))) {
            throw new IllegalStateException("failback did not complete: " + job);
        }
        double jobSeconds = seconds(job);
        double loop = decimal(call("POST", "test-hooks/bench/" + pool + "/loop", null, 200), "seconds");
        double raw = decimal(call("POST", "test-hooks/bench/" + pool + "/set-based", null, 200), "seconds");
        return new Result(users, jobSeconds, loop, raw, stepDurations(job), seconds(failover), stepDurations(failover));
    }

    private static double seconds(String job) {
        return Duration.between(Instant.parse(text(job, "startTime")), Instant.parse(text(job, "endTime"))).toMillis() / 1000.0;
    }

    /** Each step's duration in ms, in the order the steps ran (JSON-B writes a step's fields in lexicographic order). */
    private static String stepDurations(String job) {
        Matcher step = Pattern.compile("\\{[^{}]*?\"endTime\":\"([^\"]+)\"[^{}]*?\"name\":\"([^\"]+)\"[^{}]*?\"startTime\":\"([^\"]+)\"[^{}]*\\}").matcher(job);
        java.util.List<String> steps = new java.util.ArrayList<>();
        while (step.find()) {
            steps.add(step.group(2) + " " + Duration.between(Instant.parse(step.group(3)), Instant.parse(step.group(1))).toMillis() + " ms");
        }
        return String.join(", ", steps);
    }

    private static String awaitEnd(long id) throws Exception {
        while (true) {
            String job = call("GET", "jobs/" + id, null, 200);
            String status = text(job, "status");
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("STOPPED") || status.equals("ABANDONED")) {
                return job;
            }
            Thread.sleep(50);
        }
    }

    private static String call(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .timeout(Duration.ofMinutes(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return m.group(1);
    }

    private static long number(String json, String field) {
        return (long) decimal(json, field);
    }

    private static double decimal(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }
}
