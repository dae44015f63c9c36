package org.failback.it;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;

/**
 * Node B of the two-node tests (the "wildfly-node-b" container): a second WildFly with its own base directory and
 * ports on the restartable server's data directory, so it shares node A's product database, managed databases and
 * shares.
 */
public final class SecondNode {

    public static final String CONTAINER = "wildfly-node-b";
    public static final String DEPLOYMENT = "node-b";
    public static final Server SERVER = Server.nodeB();

    private SecondNode() {}

    public static void ensureUp(ContainerController controller, Deployer deployer) {
        if (!controller.isStarted(CONTAINER)) {
            controller.start(CONTAINER);
        }
        if (Api.anonymous(SERVER).get("health").status() != 200) {
            deployer.deploy(DEPLOYMENT);
        }
        RestartableServer.awaitUp(SERVER, "node B");
    }

    /**
     * Node B stops: node A's connections to the databases B served (B opened them first after A died) reconnect,
     * and A serves them again, so the other restart tests run on an embedded database as before.
     */
    public static void stop(ContainerController controller) {
        if (controller.isStarted(CONTAINER)) {
            controller.stop(CONTAINER);
        }
    }
}
