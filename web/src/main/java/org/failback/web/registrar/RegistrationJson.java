package org.failback.web.registrar;

import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.RegistrarUser;
import org.failback.domain.registrar.RegistrationMode;

/** A user's registration as a client sees it after signing in: where it is served and in which mode. */
public record RegistrationJson(
        String sip,
        String homePool,
        boolean signedIn,
        String servingPool,
        RegistrationMode mode,
        ClientVersion clientVersion) {

    static RegistrationJson of(RegistrarUser user) {
        return new RegistrationJson(
                user.getSip(),
                user.getHomePool().getName(),
                user.isSignedIn(),
                user.getServingPool() == null ? null : user.getServingPool().getName(),
                user.getMode(),
                user.getClientVersion());
    }
}
