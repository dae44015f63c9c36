package org.failback.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests that share the suite's server: the real EAR is deployed for the test class and
 * tests call it over HTTP as a client would. Subclasses get authenticated clients for each role.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ProductIT {

    protected static final Server SERVER = Server.suite();

    @Deployment(testable = false)
    public static EnterpriseArchive product() {
        return Deployments.testEar();
    }

    protected static Api operator() {
        return Api.as(SERVER, "operator");
    }

    protected static Api viewer() {
        return Api.as(SERVER, "viewer");
    }

    protected static Api client() {
        return Api.as(SERVER, "client");
    }

    protected static Api anonymous() {
        return Api.anonymous(SERVER);
    }

    /** A name no other test uses, so tests never depend on each other's leftovers. */
    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
