package org.failback.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.failback.web.api.Roles;

/** Who is signed in to the portal, what they may do, and signing out. */
@Named
@RequestScoped
public class PortalUser {

    public String getName() {
        return external().getUserPrincipal() == null
                ? null
                : external().getUserPrincipal().getName();
    }

    public boolean isOperator() {
        return external().isUserInRole(Roles.OPERATOR);
    }

    public String getRole() {
        return isOperator() ? Roles.OPERATOR : Roles.VIEWER;
    }

    /**
     * Rendering hides the action buttons from viewers; every action checks again on the server, because a hidden
     * button is no authorisation.
     */
    public void requireOperator() {
        if (!isOperator()) {
            throw new SecurityException("only an operator may do this");
        }
    }

    public void logout() {
        ExternalContext external = external();
        external.invalidateSession();
        try {
            external.redirect(external.getRequestContextPath() + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
