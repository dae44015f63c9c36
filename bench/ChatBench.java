import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat posts under load (run by ./bench.sh chat): CLIENTS loopback clients post to the demo chat pool's rooms for a
 * fixed time after a warm-up; each post is answered 201 only once mgc and mgccomp both hold it. Beside it, in the same
 * server and run, the same clients read one message of a room (the same authentication and HTTP path, one indexed
 * read instead of two ordered writes) and GET /api/health (no authentication): the floors the posts are measured
 * against. Single-file program: java bench/ChatBench.java URL CREDENTIALS [CLIENTS] [SECONDS]
 */
public class ChatBench {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private static final int ROOMS = 8;
    private static String base;
    private static String client;
    private static String sender;

    public static void main(String[] args) throws Exception {
        base = args[0] + "/api/";
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(Path.of(args[1]))) {
            credentials.load(reader);
        }
        client = basic(credentials, "client");
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        sender = "sip:user00001@fe-dc1.example.com";
        String tag = Long.toString(System.nanoTime() % 1_000_000, 36);
        List<String> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            String room = "bench-" + tag + "-" + r;
            int status = send("POST", "chat/rooms", "{\"name\":\"" + room + "\",\"pool\":\"pchat\"}");
            if (status != 201 && status != 200) {
                throw new IllegalStateException("room " + room + " not created: " + status);
            }
            rooms.add(room);
        }
        send("POST", "chat/rooms/" + rooms.get(0) + "/messages", post(0));

        Load posts = (i, n) -> send("POST", "chat/rooms/" + rooms.get(i % ROOMS) + "/messages", post(n)) == 201;
        Load reads = (i, n) -> send("GET", "chat/rooms/" + rooms.get(i % ROOMS) + "/messages?after=0&limit=1", null) == 200;
        Load health = (i, n) -> send("GET", "health", null) == 200;

        run("warm-up", clients, 5, posts);
        run("warm-up", clients, 3, reads);
        Stats p = run("chat-posts", clients, seconds, posts);
        Stats r = run("chat-reads", clients, seconds / 2, reads);
        Stats h = run("health", clients, seconds / 2, health);
        System.out.println(p.line("chat-posts", clients));
        System.out.println(r.line("chat-reads", clients));
        System.out.println(h.line("health", clients));
        System.out.printf("chat-posts ratios: posts/reads throughput=%.2f p99 posts/reads=%.2f posts/health throughput=%.2f%n",
                p.perSecond() / r.perSecond(), p.p99() / r.p99(), p.perSecond() / h.perSecond());
        // The HTTP client's executor threads would keep the JVM, and so bench.sh, waiting.
        System.exit(0);
    }

    interface Load {
        boolean call(int client, long n) throws Exception;
    }

    record Stats(long requests, long errors, double seconds, long[] sortedMicros) {
        double perSecond() {
            return requests / seconds;
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        double percentile(double q) {
            return sortedMicros.length == 0 ? 0 : sortedMicros[(int) Math.min(sortedMicros.length - 1, q * sortedMicros.length)] / 1000.0;
        }

        String line(String what, int clients) {
            return String.format("%s clients=%d requests=%d seconds=%.1f requests_per_s=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d",
                    what, clients, requests, seconds, perSecond(), p50(), p99(), errors);
        }
    }

    private static Stats run(String what, int clients, int seconds, Load load) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int id = c;
            results.add(pool.submit(() -> {
                long[] micros = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    boolean ok;
                    try {
                        ok = load.call(id, sequence.incrementAndGet());
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (n == micros.length) {
                        micros = java.util.Arrays.copyOf(micros, n * 2);
                    }
                    micros[n++] = (System.nanoTime() - t) / 1000;
                }
                return java.util.Arrays.copyOf(micros, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        Stats stats = new Stats(merged.length, errors.get(), elapsed, merged);
        System.err.println(stats.line(what, clients));
        return stats;
    }

    private static String post(long n) {
        return "{\"sender\":\"" + sender + "\",\"text\":\"bench message " + n + "\"}";
    }

    private static int send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!path.equals("health")) {
            request.header("Authorization", client);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(Properties credentials, String role) {
        return "Basic " + Base64.getEncoder().encodeToString((credentials.getProperty(role + ".username") + ":"
                + credentials.getProperty(role + ".password")).getBytes(StandardCharsets.UTF_8));
    }
}
