package org.failback.web.pool;

import java.time.Instant;
import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.PresenceState;
import org.failback.domain.registrar.RegistrarUser;
import org.failback.domain.registrar.RegistrationMode;

/** One user in the per-user table of a pool: where they are served, in which mode, how their failback went. */
public record UserItem(
        String sip,
        String homePool,
        ClientVersion clientVersion,
        boolean signedIn,
        String servingPool,
        RegistrationMode mode,
        FailbackStatus failbackStatus,
        PresenceState presence,
        Instant updatedAt,
        String error) {

    public static UserItem of(RegistrarUser user) {
        return new UserItem(
                user.getSip(),
                user.getHomePool().getName(),
                user.getClientVersion(),
                user.isSignedIn(),
                user.getServingPool() == null ? null : user.getServingPool().getName(),
                user.getMode(),
                user.getFailbackStatus(),
                user.getPresenceSet(),
                user.getUpdatedAt(),
                user.getError());
    }
}
