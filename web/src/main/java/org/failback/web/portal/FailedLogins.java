package org.failback.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.failback.batch.application.security.AccountAdministration;
import org.failback.batch.infrastructure.security.FailedLoginLog;

/** The latest failed sign-ins, for operators on the dashboard (someone guessing a password shows up here). */
@Named
@RequestScoped
public class FailedLogins {

    @Inject
    PortalUser user;

    @Inject
    AccountAdministration accounts;

    private List<FailedLoginLog.FailedLogin> latest;

    public List<FailedLoginLog.FailedLogin> getLatest() {
        if (!user.isOperator()) {
            return List.of();
        }
        if (latest == null) {
            latest = accounts.failedLogins(20);
        }
        return latest;
    }
}
