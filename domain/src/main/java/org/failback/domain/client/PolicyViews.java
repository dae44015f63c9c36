package org.failback.domain.client;

import org.failback.domain.experience.HomePoolView;
import org.failback.domain.experience.UserView;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.registrar.RegistrarUser;

/** Reads entities into the views the experience policy judges, so the policy stays free of JPA. */
public final class PolicyViews {

    private PolicyViews() {}

    public static UserView of(RegistrarUser user) {
        return new UserView(
                user.sipUri(),
                user.getHomePool().poolName(),
                user.getFailbackStatus(),
                user.isSignedIn(),
                user.getServingPool() == null ? null : user.getServingPool().poolName(),
                user.getMode(),
                user.getClientVersion());
    }

    public static HomePoolView of(FrontEndPool pool) {
        return new HomePoolView(
                pool.poolName(),
                pool.getState(),
                pool.getBackupPool() == null ? null : pool.getBackupPool().poolName(),
                pool.getOutageAt(),
                pool.getResiliencyTimerSeconds());
    }
}
