package org.failback.it;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests that restart or kill a server: they run on the restartable container (its own WildFly, started
 * and deployed by {@link RestartableServer#ensureUp}), never on the suite's shared one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class RestartableServerIT {

    @ArquillianResource
    protected ContainerController controller;

    @ArquillianResource
    protected Deployer deployer;

    @Deployment(name = RestartableServer.DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(RestartableServer.CONTAINER)
    public static EnterpriseArchive product() {
        return Deployments.testEar();
    }
}
