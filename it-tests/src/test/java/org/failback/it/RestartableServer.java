package org.failback.it;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;

/**
 * The server that restart and crash tests control themselves (the "wildfly-restart" container). The EAR, once
 * deployed, is part of the server's configuration, so it comes back by itself after a restart or a kill.
 */
public final class RestartableServer {

    public static final String CONTAINER = "wildfly-restart";
    public static final String DEPLOYMENT = "restartable";
    public static final Server SERVER = Server.restartable();

    private RestartableServer() {}

    /** Starts the server if needed and makes sure the product is deployed and UP. */
    public static void ensureUp(ContainerController controller, Deployer deployer) {
        if (!controller.isStarted(CONTAINER)) {
            controller.start(CONTAINER);
        }
        if (Api.anonymous(SERVER).get("health").status() != 200) {
            deployer.deploy(DEPLOYMENT);
        }
        awaitUp();
    }

    public static void restart(ContainerController controller) {
        controller.stop(CONTAINER);
        controller.start(CONTAINER);
        awaitUp();
    }

    /**
     * kill -9 of the server's JVM: no shutdown hooks, no graceful stop of running jobs. The container's own kill()
     * stops the process gracefully enough for WildFly to stop its jobs, so the JVM is found by its base directory.
     */
    public static void crashAndStart(ContainerController controller) {
        crash(controller, CONTAINER, System.getProperty("restart.base"));
        controller.start(CONTAINER);
        awaitUp();
    }

    /** kill -9 of the JVM of {@code container} (found by its base directory); the container is left stopped. */
    public static void crash(ContainerController controller, String container, String baseDir) {
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("-Djboss.server.base.dir=" + baseDir + " "))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no server JVM with base directory " + baseDir));
        server.destroyForcibly();
        server.onExit().join();
        controller.kill(container);
    }

    static void awaitUp() {
        awaitUp(SERVER, "the restartable server");
    }

    /** Waits until {@code server} answers its health check with 200 (a server that is not listening yet is waited for). */
    static void awaitUp(Server server, String name) {
        Jobs.await("the product to be UP on " + name, Duration.ofMinutes(3), () -> {
            try {
                return Api.anonymous(server).get("health").status() == 200;
            } catch (IllegalStateException notListening) {
                return false;
            }
        });
    }
}
