package org.failback.web.security;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import org.failback.batch.infrastructure.security.FailedLoginLog;

/**
 * Puts {@link LoginThrottleHandler} in front of the container's authentication, which a servlet filter cannot reach
 * (the password is checked before any filter runs). Registered in META-INF/services.
 */
public class LoginThrottleExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        LoginAttempts attempts = new LoginAttempts();
        ClientAddress addresses = ClientAddress.fromSystemProperties();
        FailedLoginLog audit = new FailedLoginLog();
        deployment.addOuterHandlerChainWrapper(next -> new LoginThrottleHandler(next, attempts, addresses, audit));
    }
}
