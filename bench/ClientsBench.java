import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client API under load during a failback (run by ./bench.sh clients): a fresh pool pair of USERS users each is
 * failed over and repaired; CLIENTS loopback clients then warm up on it, and while the pool's failback runs each
 * client signs its users in to the pair's pools (home users of the failed-back pool and users of its backup pool, in
 * turn), sets their presence, reads their contacts, opens a p2p session with a user of the other pool, reads that
 * user's presence and signs out. Measured from the failback's start until its job ends (at most SECONDS). An answer
 * is an error unless it is a success or a refusal the seed's rules explain (the codes of the experience policy:
 * RESILIENCY_MODE, FAILBACK_IN_PROGRESS, NOT_SIGNED_IN, ...); a 500, a 401 or a timeout is an error.
 * Single-file program: java bench/ClientsBench.java URL CREDENTIALS [USERS] [CLIENTS] [SECONDS]
 */
public class ClientsBench {

    /** The codes of org.failback.domain.experience.Refusal: what seed 000 says a client may be told. */
    private static final Set<String> EXPLAINED = Set.of(
            "POOL_UNAVAILABLE",
            "CLIENT_NOT_SUPPORTED",
            "RESILIENCY_MODE",
            "FAILBACK_IN_PROGRESS",
            "NOT_SIGNED_IN",
            "REJOIN_NOT_ALLOWED");

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final String[] PRESENCE = {"AVAILABLE", "BUSY", "AWAY", "DO_NOT_DISTURB"};
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private static String base;
    private static String operator;
    private static String client;

    private static final Map<String, LongAdder> OUTCOMES = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        base = args[0] + "/api/";
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(args[1]))) {
            credentials.load(reader);
        }
        operator = basic(credentials, "operator");
        client = basic(credentials, "client");
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 80_000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 120;

        String tag = Long.toString(System.nanoTime() % 1_000_000, 36);
        String home = "cl-" + tag;
        String backup = home + "-b";
        long started = System.nanoTime();
        call("POST", "topology/pairs", "{\"site\":\"" + home + "-s1\",\"backupSite\":\"" + home + "-s2\",\"pool\":\""
                + home + "\",\"backupPool\":\"" + backup + "\",\"users\":" + users + "}", 201);
        call("POST", "pools/" + home + "/outage", null, 200);
        awaitEnd(number(call("POST", "pools/" + home + "/failover", null, 202), "jobExecutionId"));
        call("POST", "pools/" + home + "/repair", null, 200);
        System.err.printf("pair %s/%s of %d users each failed over and repaired in %.1f s%n", home, backup, users,
                (System.nanoTime() - started) / 1e9);

        Pair pair = new Pair(home, backup, users);
        AtomicBoolean warmUpEnds = new AtomicBoolean();
        Executors.newSingleThreadScheduledExecutor()
                .schedule(() -> warmUpEnds.set(true), 10, java.util.concurrent.TimeUnit.SECONDS);
        Stats warm = run(clients, pair, warmUpEnds, 10);
        System.err.println("warm-up (failed over, no job): " + warm.line(clients));
        OUTCOMES.clear();

        long job = number(call("POST", "pools/" + home + "/failback", null, 202), "jobExecutionId");
        AtomicBoolean jobEnded = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            try {
                String status = text(awaitEnd(job), "status");
                System.err.println("failback job " + job + " ended " + status);
            } catch (Exception e) {
                System.err.println("watching the failback failed: " + e);
            }
            jobEnded.set(true);
        });
        watcher.setDaemon(true);
        watcher.start();
        Stats during = run(clients, pair, jobEnded, seconds);
        String ended = jobEnded.get() ? "the failback ended" : "the time limit of " + seconds + " s ended";
        System.out.println(during.line(clients));
        System.err.printf("  (measured while a failback of %d users ran: %.1f s, until %s; outcomes: %s)%n", users,
                during.seconds, ended, new TreeMap<>(OUTCOMES));
        // The HTTP client's executor threads would keep the JVM, and so bench.sh, waiting.
        System.exit(0);
    }

    /** The pair's pools and their users' SIP URIs (zero-padded to the width of the pool size, at least 5 digits). */
    record Pair(String home, String backup, int users) {
        String user(String pool, int n) {
            int width = Math.max(5, Integer.toString(users).length());
            return "sip:user" + String.format("%0" + width + "d", n) + "@" + pool + ".example.com";
        }
    }

    record Stats(long requests, long errors, double seconds, long[] sortedMicros) {
        double percentile(double q) {
            return sortedMicros.length == 0
                    ? 0
                    : sortedMicros[(int) Math.min(sortedMicros.length - 1, q * sortedMicros.length)] / 1000.0;
        }

        String line(int clients) {
            return String.format("clients=%d requests=%d requests_per_s=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d",
                    clients, requests, requests / seconds, percentile(0.50), percentile(0.99), errors);
        }
    }

    /** Every client works on its own users, so one client's sign-out never meets another's request for that user. */
    private static Stats run(int clients, Pair pair, AtomicBoolean stop, int maxSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + maxSeconds * 1_000_000_000L;
        LongAdder errors = new LongAdder();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        int perClient = Math.max(1, pair.users() / clients);
        for (int c = 0; c < clients; c++) {
            int id = c;
            results.add(pool.submit(() -> {
                long[] micros = new long[1 << 14];
                int n = 0;
                for (long round = 0; !stop.get() && System.nanoTime() < end; round++) {
                    int number = 1 + id * perClient + (int) (round % perClient);
                    boolean homeSide = round % 2 == 0;
                    String pool1 = homeSide ? pair.home() : pair.backup();
                    String pool2 = homeSide ? pair.backup() : pair.home();
                    String user = pair.user(pool1, number);
                    String other = pair.user(pool2, number);
                    String sip = "clients/" + user;
                    String[][] session = {
                        {"POST", sip + "/sign-in", "{\"clientVersion\":\"LYNC_2013\"}"},
                        {"PUT", sip + "/presence", "{\"state\":\"" + PRESENCE[(int) (round % PRESENCE.length)] + "\"}"},
                        {"GET", sip + "/contacts", null},
                        {"POST", sip + "/p2p", "{\"with\":\"" + other + "\"}"},
                        {"GET", sip + "/presence/" + other, null},
                        {"POST", sip + "/sign-out", null}
                    };
                    for (String[] request : session) {
                        if (n == micros.length) {
                            micros = Arrays.copyOf(micros, n * 2);
                        }
                        long t = System.nanoTime();
                        String outcome = send(request[0], request[1], request[2]);
                        micros[n++] = (System.nanoTime() - t) / 1000;
                        OUTCOMES.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                        if (outcome.startsWith("error")) {
                            errors.increment();
                        }
                    }
                }
                return Arrays.copyOf(micros, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Stats(merged.length, errors.sum(), elapsed, merged);
    }

    /** "ok", "refused CODE" (a refusal the seed explains) or "error ..." (anything else, a timeout included). */
    private static String send(String method, String path, String body) {
        try {
            HttpResponse<String> response = HTTP.send(request(method, path, body, client), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return "ok " + status;
            }
            Matcher code = CODE.matcher(response.body());
            String name = code.find() ? code.group(1) : "";
            return (status == 409 || status == 503) && EXPLAINED.contains(name) ? "refused " + name : "error " + status + " " + name;
        } catch (java.net.http.HttpTimeoutException e) {
            return "error timeout";
        } catch (Exception e) {
            return "error " + e.getClass().getSimpleName();
        }
    }

    private static HttpRequest request(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    private static String awaitEnd(long id) throws Exception {
        while (true) {
            String job = call("GET", "jobs/" + id, null, 200);
            String status = text(job, "status");
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("STOPPED") || status.equals("ABANDONED")) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    private static String call(String method, String path, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(request(method, path, body, operator), (name, value) -> true)
                .timeout(Duration.ofMinutes(30))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String basic(Properties credentials, String role) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.getProperty(role + ".username") + ":"
                + credentials.getProperty(role + ".password")).getBytes(StandardCharsets.UTF_8));
    }
}
