package org.failback.domain.experience;

import java.util.Objects;
import org.failback.domain.pool.PoolName;
import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.RegistrationMode;
import org.failback.domain.registrar.SipUri;

/**
 * One user's registrar state as the experience policy needs it.
 *
 * @param servingPool null exactly when signed out
 * @param mode null exactly when signed out
 * @param clientVersion for a sign-in, the client the user signs in with now (see {@link #signingInWith})
 */
public record UserView(
        SipUri sip,
        PoolName homePool,
        FailbackStatus failbackStatus,
        boolean signedIn,
        PoolName servingPool,
        RegistrationMode mode,
        ClientVersion clientVersion) {

    public UserView {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(homePool, "homePool");
        Objects.requireNonNull(failbackStatus, "failbackStatus");
        Objects.requireNonNull(clientVersion, "clientVersion");
        if (signedIn != (servingPool != null) || signedIn != (mode != null)) {
            throw new IllegalArgumentException(
                    sip + ": a signed-in user has a serving pool and a mode, a signed-out one neither" + " (signedIn="
                            + signedIn + ", servingPool=" + servingPool + ", mode=" + mode + ")");
        }
    }

    /** The stored client is the last one used; a sign-in is judged by the client signing in now. */
    public UserView signingInWith(ClientVersion client) {
        return new UserView(sip, homePool, failbackStatus, signedIn, servingPool, mode, client);
    }

    public boolean inResiliencyMode() {
        return mode == RegistrationMode.RESILIENCY;
    }
}
