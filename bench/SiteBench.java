import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The site benchmark (run by ./bench.sh site): one site of POOLS Front End pools of USERS users each, every one backed
 * up by a pool of a second site, goes through the site recovery plan: outage, failover, a share of the users signed in
 * to the backup pools (the test library's bulk sign-in, when the deployed test library has it), repair, failback. Prints
 * one line; seconds are the site failback from its POST to the end of the last pool's job. Run with BenchHttp compiled
 * on the class path: java -cp DIR bench/SiteBench.java URL CREDENTIALS POOLS USERS SHARE
 */
public class SiteBench {

    private static BenchHttp api;

    public static void main(String[] args) throws Exception {
        api = new BenchHttp(args[0], Path.of(args[1]), "operator");
        int poolCount = Integer.parseInt(args[2].strip());
        int users = Integer.parseInt(args[3].strip());
        double share = BenchHttp.share(args[4]);
        String tag = Long.toString(System.nanoTime() % 1_000_000, 36);
        String site = "bench-" + tag;
        List<String> pools = new ArrayList<>();

        Instant created = Instant.now();
        for (int i = 1; i <= poolCount; i++) {
            String pool = "site" + i + "-" + tag;
            Instant start = Instant.now();
            api.call("POST", "topology/pairs", "{\"site\":\"" + site + "\",\"backupSite\":\"" + site + "-dr\",\"pool\":\""
                    + pool + "\",\"backupPool\":\"" + pool + "-b\",\"users\":" + users + "}", 201);
            pools.add(pool);
            System.err.printf("topology: pair %d of %d (%d users each side) %.1f s%n", i, poolCount, users, since(start));
        }
        System.err.printf("topology: %d pairs in %.1f s%n", poolCount, since(created));

        String outage = api.call("POST", "sites/" + site + "/outage", null, 202);
        requireNoRefusal("outage", outage);
        Instant failoverPosted = Instant.now();
        List<String> failover = awaitEvery("failover", api.call("POST", "sites/" + site + "/failover", null, 202));
        System.err.printf("site failover: %.1f s; %s%n", lastEnd(failover, failoverPosted), profile(failover, failoverPosted));

        long signedIn = 0;
        for (String pool : pools) {
            var answer = api.send("POST", "test-hooks/bench/" + pool + "/sign-in", "{\"share\":" + share + "}");
            if (answer.statusCode() == 404 || answer.statusCode() == 405) {
                System.err.println("sign-in: the deployed test library has no bulk sign-in (issue 19a): nobody signs in");
                break;
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("sign-in of " + pool + " → " + answer.statusCode() + " " + answer.body());
            }
            signedIn += BenchHttp.number(answer.body(), "signedIn");
        }
        for (String pool : pools) {
            api.call("POST", "pools/" + pool + "/repair", null, 200);
        }

        Instant posted = Instant.now();
        List<String> failback = awaitEvery("failback", api.call("POST", "sites/" + site + "/failback", null, 202));
        double seconds = lastEnd(failback, posted);
        long total = (long) poolCount * users;
        System.out.printf("site pools=%d users=%d signed_in=%d seconds=%.3f users_per_s=%.0f%n",
                poolCount, total, signedIn, seconds, total / seconds);
        System.out.printf("  (%s)%n", profile(failback, posted));
    }

    /** Each execution of the answer, once it ended; anything but COMPLETED stops the benchmark. */
    private static List<String> awaitEvery(String plan, String answer) throws Exception {
        requireNoRefusal(plan, answer);
        List<String> jobs = new ArrayList<>();
        for (long id : BenchHttp.numbers(answer, "jobExecutionIds")) {
            String job = api.awaitEnd(id);
            if (!"COMPLETED".equals(BenchHttp.text(job, "status"))) {
                throw new IllegalStateException(plan + " job " + id + " did not complete: " + job);
            }
            jobs.add(job);
        }
        return jobs;
    }

    private static void requireNoRefusal(String plan, String answer) {
        if (!answer.contains("\"refused\":[]")) {
            throw new IllegalStateException("site " + plan + " refused pools: " + answer);
        }
    }

    /** Seconds from the POST to the end of the last job. */
    private static double lastEnd(List<String> jobs, Instant posted) {
        return jobs.stream().map(j -> Instant.parse(BenchHttp.text(j, "endTime"))).max(Instant::compareTo)
                .map(end -> Duration.between(posted, end).toMillis() / 1000.0).orElse(0.0);
    }

    /**
     * Whether the jobs ran side by side: each job's start and end after the POST, the most that ran at once, and the
     * sum of their durations over the wall time (1.0: one after the other in effect; the pool count: all at once).
     */
    private static String profile(List<String> jobs, Instant posted) {
        List<double[]> spans = new ArrayList<>();
        for (String job : jobs) {
            double start = Duration.between(posted, Instant.parse(BenchHttp.text(job, "startTime"))).toMillis() / 1000.0;
            double end = Duration.between(posted, Instant.parse(BenchHttp.text(job, "endTime"))).toMillis() / 1000.0;
            spans.add(new double[] {start, end});
        }
        int most = 0;
        for (double[] span : spans) {
            double at = span[0];
            most = Math.max(most, (int) spans.stream().filter(s -> s[0] <= at && at < s[1]).count());
        }
        double sum = spans.stream().mapToDouble(s -> s[1] - s[0]).sum();
        double wall = spans.stream().mapToDouble(s -> s[1]).max().orElse(0) - spans.stream().mapToDouble(s -> s[0]).min().orElse(0);
        StringBuilder each = new StringBuilder();
        for (double[] span : spans) {
            each.append(String.format(" %.1f-%.1f", span[0], span[1]));
        }
        return String.format("jobs at once: at most %d, job-seconds/wall %.2f; each job's start-end s after the POST:%s",
                most, wall == 0 ? 0 : sum / wall, each);
    }

    private static double since(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }
}
