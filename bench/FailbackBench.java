import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failback benchmark (run by ./bench.sh failback): for each size N, a fresh pool pair of N users is failed over,
 * a share of them (BENCH_SIGNED_IN, default 1/3) signs in to the backup pool with presence, contacts, conferences and
 * p2p sessions (the test library's bulk sign-in), then the pool is failed back three ways on the same rows in the
 * same server: the real pool-failback job, a plain-JDBC keyset loop and set-based UPDATEs, each signing the same users
 * out of the backup pool and in to the home pool in resiliency mode. Prints one line per size. Single-file program
 * with BenchHttp on the class path: java -cp CLASSES bench/FailbackBench.java URL CREDENTIALS SIZES SHARE [JOB-OPTIONS]
 */
public class FailbackBench {

    private static BenchHttp api;

    public static void main(String[] args) throws Exception {
        api = new BenchHttp(args[0], Path.of(args[1]), "operator");
        int[] sizes = java.util.Arrays.stream(args[2].split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        double share = BenchHttp.share(args[3]);
        String jobOptions = args.length > 4 && !args[4].isBlank() ? args[4] : null;
        // The first jobs and loops in a fresh server also pay for class loading and JIT (a first 20,000-user round ran
        // 1.35-1.67x the loop, later ones 1.04-1.25x): two unreported rounds first.
        int warmUpUsers = Math.min(20_000, java.util.Arrays.stream(sizes).min().orElse(20_000));
        for (int round = 1; round <= 2; round++) {
            System.err.printf("warm-up %d: %s%n", round, run(warmUpUsers, share, jobOptions));
        }
        for (int size : sizes) {
            Result result = run(size, share, jobOptions);
            System.out.printf("failback users=%d signed_in=%d seconds=%.3f users_per_s=%.0f loop_ratio=%.2f raw_ratio=%.2f%n",
                    result.users, result.signedIn, result.job, result.users / result.job, result.job / result.loop,
                    result.job / result.setBased);
            System.out.printf("  (baselines: keyset loop %.3f s, set-based %.3f s; job steps: %s)%n", result.loop, result.setBased, result.steps);
            System.out.printf("  (the failover before it: %.3f s; steps: %s)%n", result.failover, result.failoverSteps);
        }
    }

    private record Result(int users, long signedIn, double job, double loop, double setBased, String steps, double failover,
            String failoverSteps) {
    }

    private static Result run(int users, double share, String jobOptions) throws Exception {
        String pool = "bench-" + users + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        api.call("POST", "topology/pairs", "{\"site\":\"" + pool + "-s1\",\"backupSite\":\"" + pool + "-s2\",\"pool\":\"" + pool
                + "\",\"backupPool\":\"" + pool + "-b\",\"users\":" + users + "}", 201);
        api.call("POST", "pools/" + pool + "/outage", null, 200);
        String failover = api.awaitEnd(BenchHttp.number(api.call("POST", "pools/" + pool + "/failover", null, 202), "jobExecutionId"));
        long signedIn = BenchHttp.number(
                api.call("POST", "test-hooks/bench/" + pool + "/sign-in", "{\"share\":" + share + "}", 200), "signedIn");
        api.call("POST", "pools/" + pool + "/repair", null, 200);

        String job = api.awaitEnd(BenchHttp.number(api.call("POST", "pools/" + pool + "/failback", jobOptions, 202), "jobExecutionId"));
        if (!"COMPLETED".equals(BenchHttp.text(job, "status"))) {
            throw new IllegalStateException("failback did not complete: " + job);
        }
        double jobSeconds = seconds(job);
        // Each baseline first puts the same users back on the backup pool, the signed-in ones signed in there.
        double loop = BenchHttp.decimal(api.call("POST", "test-hooks/bench/" + pool + "/loop", null, 200), "seconds");
        double raw = BenchHttp.decimal(api.call("POST", "test-hooks/bench/" + pool + "/set-based", null, 200), "seconds");
        return new Result(users, signedIn, jobSeconds, loop, raw, stepDurations(job), seconds(failover), stepDurations(failover));
    }

    private static double seconds(String job) {
        return Duration.between(Instant.parse(BenchHttp.text(job, "startTime")), Instant.parse(BenchHttp.text(job, "endTime")))
                .toMillis() / 1000.0;
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
}
