import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The Persistent Chat failback on a grown mgc (./bench.sh pchat-failback, after bench/ChatMgcLoad.java): outage →
 * failover → rebuild-primary → failback through the API; the failback's wall time, each step's time (GET
 * /api/jobs/{id}) and its slowest engine calls (the command log), beside a plain copy of the same database files
 * (sql-dc2's mgc and mgccomp, which the failback backs up and restores) in the same run. Posts through the API after
 * the failover and after the failback and reads them back in order after the loaded rows, from mgc and mgccomp: the
 * loaded rows are the ones a post leaves and the server aligned the ids. Not a test.
 * Usage: java bench/ChatFailbackBench.java URL DATA_DIR seed ROOM SENDER
 *        java bench/ChatFailbackBench.java URL DATA_DIR run ROOM SENDER FIRST_ID LAST_ID
 */
public class ChatFailbackBench {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String base;
    private static String operator;
    private static String client;
    private static String room;
    private static String sender;

    public static void main(String[] args) throws Exception {
        base = args[0] + "/api/";
        Path data = Path.of(args[1]);
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(data.resolve("credentials.properties"))) {
            credentials.load(reader);
        }
        operator = basic(credentials, "operator");
        client = basic(credentials, "client");
        room = args[3];
        sender = args[4];
        if (args[2].equals("seed")) {
            seed();
        } else {
            run(data, Long.parseLong(args[5]), Long.parseLong(args[6]));
        }
        // The HTTP client's executor threads would keep the JVM, and so bench.sh, waiting.
        System.exit(0);
    }

    /**
     * The room, one post (the product creates mgc's and mgccomp's tables) and one log-shipping round (sql-dc2 gets
     * them); the schedule set to weekly, so no scheduled round replaces sql-dc2's grown databases during the run.
     */
    private static void seed() throws Exception {
        call(client, "POST", "chat/rooms", "{\"name\":\"" + room + "\",\"pool\":\"pchat\"}", 201);
        call(client, "POST", "chat/rooms/" + room + "/messages", post("before the load"), 201);
        call(operator, "PUT", "chat/pools/pchat/log-shipping",
                "{\"everyMinutes\":10080,\"backupThresholdMinutes\":10080,\"restoreThresholdMinutes\":10080}", 200);
        requireCompleted(awaitEnd(id(call(operator, "POST", "chat/pools/pchat/log-shipping/run", null, 202))));
    }

    private static void run(Path data, long first, long last) throws Exception {
        Path secondary = data.resolve("instances/sql-dc2/databases");
        List<Path> files = List.of(secondary.resolve("mgc/mgc.mv.db"), secondary.resolve("mgccomp/mgccomp.mv.db"));
        double mgcMb = Files.size(files.get(0)) / 1e6;
        double compMb = Files.size(files.get(1)) / 1e6;

        call(operator, "POST", "chat/pools/pchat/outage", null, 200);
        Map<String, Object> failover = awaitEnd(id(call(operator, "POST", "chat/pools/pchat/failover", null, 202)));
        requireCompleted(failover);
        System.err.printf("pchat-failover seconds=%.1f %s%n", seconds(failover), steps(failover));
        // The recover step aligned the identity above the loaded ids: the next post takes last + 1.
        requirePost(last + 1);
        requireInOrder(first, last, last + 1);
        call(operator, "POST", "chat/pools/pchat/rebuild-primary", null, 200);

        // The floor: a plain copy of the very files the failback backs up and restores, on the same disk, in this run.
        Path scratch = Files.createTempDirectory(data, "copy-floor-");
        long t = System.nanoTime();
        for (Path f : files) {
            Files.copy(f, scratch.resolve(f.getFileName()));
        }
        double copy = (System.nanoTime() - t) / 1e9;
        for (Path f : files) {
            Files.delete(scratch.resolve(f.getFileName()));
        }
        Files.delete(scratch);

        long started = System.nanoTime();
        long execution = id(call(operator, "POST", "chat/pools/pchat/failback",
                "{\"activeServers\":[\"chat1.dc1\",\"chat2.dc1\"]}", 202));
        Map<String, Object> failback = awaitEnd(execution);
        double wall = (System.nanoTime() - started) / 1e9;
        requireCompleted(failback);
        requirePost(last + 2);
        requireInOrder(first, last, last + 1, last + 2);
        double s = seconds(failback);
        System.out.printf("pchat-failback mgc_mb=%.0f mgccomp_mb=%.0f seconds=%.1f wall_seconds=%.1f messages=%d %s%n",
                mgcMb, compMb, s, wall, last - first + 2, steps(failback));
        System.out.printf("pchat-failback floor: copy of mgc+mgccomp (%.0f MB) seconds=%.2f ratio=%.1f%n",
                mgcMb + compMb, copy, s / copy);
        System.out.println("pchat-failback slowest calls: " + slowestCalls(execution));
    }

    /** One post through the API: it must take the id {@code expected}, the one after every id mgc or mgccomp holds. */
    @SuppressWarnings("unchecked")
    private static void requirePost(long expected) throws Exception {
        Map<String, Object> created = (Map<String, Object>) Json.parse(
                call(client, "POST", "chat/rooms/" + room + "/messages", post("after " + (expected - 1)), 201));
        long id = ((Number) created.get("id")).longValue();
        if (id != expected) {
            throw new IllegalStateException("the post took id " + id + ", not " + expected + ": ids not aligned");
        }
    }

    /**
     * The room read from mgc and from mgccomp around the loaded rows: the message before the load, the first loaded,
     * then the last loaded and the posts after it, in that order, the loaded ones with the shape a post gives.
     */
    @SuppressWarnings("unchecked")
    private static void requireInOrder(long first, long last, long... posted) throws Exception {
        for (String read : List.of("messages", "compliance")) {
            List<Long> head = ids(read, first - 2, 2);
            if (!head.equals(List.of(first - 1, first))) {
                throw new IllegalStateException(read + " starts " + head + ", not [" + (first - 1) + ", " + first + "]");
            }
            List<Long> expected = new ArrayList<>(List.of(last));
            for (long p : posted) {
                expected.add(p);
            }
            List<Object> tail = (List<Object>) Json.parse(
                    call(operator, "GET", "chat/rooms/" + room + "/" + read + "?after=" + (last - 1) + "&limit=10", null, 200));
            List<Long> ids = tail.stream().map(m -> ((Number) ((Map<String, Object>) m).get("id")).longValue()).toList();
            if (!ids.equals(expected)) {
                throw new IllegalStateException(read + " after " + (last - 1) + ": " + ids + ", not " + expected);
            }
            Map<String, Object> loaded = (Map<String, Object>) tail.get(0);
            Map<String, Object> newest = (Map<String, Object>) tail.get(tail.size() - 1);
            if (!sender.equals(loaded.get("sender")) || !sender.equals(newest.get("sender"))
                    || ((String) loaded.get("text")).length() != 3800
                    || Instant.parse((String) loaded.get("postedAt")).isAfter(Instant.parse((String) newest.get("postedAt")))) {
                throw new IllegalStateException(read + ": the loaded message is not shaped as a post: " + loaded + " / " + newest);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(String read, long after, int limit) throws Exception {
        List<Object> page = (List<Object>) Json.parse(
                call(operator, "GET", "chat/rooms/" + room + "/" + read + "?after=" + after + "&limit=" + limit, null, 200));
        return page.stream().map(m -> ((Number) ((Map<String, Object>) m).get("id")).longValue()).toList();
    }

    private static String post(String text) {
        return "{\"sender\":\"" + sender + "\",\"text\":\"" + text + "\"}";
    }

    private static void requireCompleted(Map<String, Object> job) {
        if (!"COMPLETED".equals(job.get("status"))) {
            throw new IllegalStateException("job did not complete: " + job);
        }
    }

    private static double seconds(Map<String, Object> timed) {
        return Duration.between(Instant.parse((String) timed.get("startTime")), Instant.parse((String) timed.get("endTime")))
                        .toMillis() / 1000.0;
    }

    /** Each step's seconds, in the order the steps ran. */
    @SuppressWarnings("unchecked")
    private static String steps(Map<String, Object> job) {
        return ((List<Object>) job.get("steps")).stream()
                .map(s -> (Map<String, Object>) s)
                .sorted(Comparator.comparing(s -> Instant.parse((String) s.get("startTime"))))
                .map(s -> String.format("%s=%.1fs", s.get("name"), seconds(s)))
                .collect(Collectors.joining(" "));
    }

    /** The execution's engine calls from the command log, summed by kind, slowest first. */
    @SuppressWarnings("unchecked")
    private static String slowestCalls(long execution) throws Exception {
        List<Object> commands = (List<Object>) Json.parse(call(operator, "GET", "sql/commands?job=" + execution + "&limit=10000", null, 200));
        Map<String, Double> byKind = new LinkedHashMap<>();
        for (Object o : commands) {
            Map<String, Object> c = (Map<String, Object>) o;
            if (c.get("endTime") == null) {
                continue;
            }
            String command = (String) c.get("command");
            String kind = c.get("instance") + " " + c.get("commandType") + " "
                    + (command.contains("scratch") ? "(scratch) " : "") + c.get("database");
            byKind.merge(kind, seconds(c), Double::sum);
        }
        return byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(10)
                .map(e -> String.format("%s=%.1fs", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitEnd(long id) throws Exception {
        while (true) {
            Map<String, Object> job = (Map<String, Object>) Json.parse(call(operator, "GET", "jobs/" + id, null, 200));
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(job.get("status"))) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    @SuppressWarnings("unchecked")
    private static long id(String body) {
        return ((Number) ((Map<String, Object>) Json.parse(body)).get("jobExecutionId")).longValue();
    }

    private static String call(String auth, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", auth)
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

    private static String basic(Properties credentials, String role) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.getProperty(role + ".username") + ":"
                + credentials.getProperty(role + ".password")).getBytes(StandardCharsets.UTF_8));
    }

    /** Just enough JSON for the API's answers: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            Json json = new Json(s);
            Object value = json.value();
            json.space();
            if (json.i != s.length()) {
                throw new IllegalArgumentException("trailing text at " + json.i + ": " + s);
            }
            return value;
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return object;
                }
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                    space();
                    if (s.charAt(i++) == '}') {
                        return object;
                    }
                }
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return array;
                }
                while (true) {
                    array.add(value());
                    space();
                    if (s.charAt(i++) == ']') {
                        return array;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            for (String word : List.of("true", "false", "null")) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String number = s.substring(start, i);
            return number.matches("-?[0-9]+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (i - 1) + ": " + s);
            }
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
