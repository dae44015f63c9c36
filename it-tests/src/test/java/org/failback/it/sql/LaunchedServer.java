package org.failback.it.sql;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.failback.it.Deployments;
import org.failback.it.Server;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * The product started the way an operator starts it: {@code ./run.sh} with the product database in its environment
 * ({@code FAILBACK_DB_URL}, {@code FAILBACK_DB_USER}, {@code FAILBACK_DB_PASSWORD}), as a child process. Not an
 * Arquillian container: those cannot pass environment variables, and these are how the product database is chosen.
 * It deploys the test EAR (the product plus the test hooks), as bench.sh does.
 */
final class LaunchedServer {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> database;
    private final Path data;
    private final int port;
    private Process process;

    /** {@code database}: the FAILBACK_DB_* variables; the data directory holds everything else of the node. */
    LaunchedServer(Map<String, String> database, Path data) {
        this.database = Map.copyOf(database);
        this.data = data;
        this.port = 8080 + Integer.getInteger("launched.port.offset", 800);
    }

    Server server() {
        return new Server("http://localhost:" + port, data);
    }

    Path data() {
        return data;
    }

    void start() {
        try {
            Files.createDirectories(data);
            Path ear = data.resolve("pool-failback-test.ear");
            if (!Files.exists(ear)) {
                Deployments.testEar().as(ZipExporter.class).exportTo(ear.toFile(), true);
            }
            Path root = Path.of(System.getProperty("project.root", ".."));
            ProcessBuilder run = new ProcessBuilder(
                            List.of("bash", root.resolve("run.sh").toString()))
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            data.resolve("run.log").toFile()));
            Map<String, String> env = run.environment();
            env.keySet().removeIf(name -> name.startsWith("FAILBACK_"));
            env.putAll(database);
            env.put("FAILBACK_PORT", Integer.toString(port));
            env.put("FAILBACK_DATA", data.toString());
            env.put("FAILBACK_NODE", "launched");
            env.put("FAILBACK_DEMO_USERS", "20");
            env.put("FAILBACK_EAR", ear.toString());
            // The build that made the EAR is the one running this test: run.sh must not start another.
            env.put("FAILBACK_SKIP_BUILD", "1");
            env.put("FAILBACK_JAVA_OPTS", "-Xms256m -Xmx1536m -XX:MaxMetaspaceSize=512m");
            process = run.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitUp();
    }

    /** {@code kill -9} of the server's whole process tree: nothing of it closes a file or ends a transaction. */
    void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(tree);
    }

    /** A TERM, as a service manager sends: standalone.sh (run.sh execs it) forwards it and WildFly stops cleanly. */
    void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                kill();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return;
        }
        awaitExit(tree);
    }

    /**
     * Waits for the processes taken before the signal (once run.sh is gone its children belong to init and are no
     * longer its descendants) and then for the port: a killed JVM with a large heap can still hold its listening
     * socket for a moment after its parent ended, and run.sh refuses to start on a port in use.
     */
    private void awaitExit(List<ProcessHandle> tree) {
        try {
            process.waitFor(60, TimeUnit.SECONDS);
            Instant until = Instant.now().plusSeconds(60);
            while ((tree.stream().anyMatch(ProcessHandle::isAlive) || listening())
                    && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** run.sh checks the HTTP port and the management port, which moves by the same offset. */
    private boolean listening() {
        return listening(port) || listening(9990 + port - 8080);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private void awaitUp() {
        Instant until = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("run.sh ended with " + process.exitValue() + ": " + logTail());
            }
            try {
                HttpResponse<String> reply = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200 && reply.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("the launched server was not UP in " + START_TIMEOUT + ": " + logTail());
    }

    private String logTail() {
        File log = data.resolve("run.log").toFile();
        try {
            List<String> lines = Files.readAllLines(log.toPath());
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            Path serverLog = data.resolve("nodes/launched/log/server.log");
            if (Files.exists(serverLog)) {
                List<String> server = Files.readAllLines(serverLog);
                tail += "\n--- server.log\n"
                        + String.join("\n", server.subList(Math.max(0, server.size() - 60), server.size()));
            }
            return tail;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
