package org.failback.domain.experience;

import java.time.Instant;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.Registration;
import org.failback.domain.registrar.RegistrationMode;
import org.failback.domain.registrar.SipUri;

/** The demo topology of the tests: fe-dc1 fails (backup fe-dc2); fe-dc3 is a pool nobody touches. */
final class Seed000Topology {

    static final PoolName HOME = PoolName.of("fe-dc1");
    static final PoolName BACKUP = PoolName.of("fe-dc2");
    static final PoolName THIRD = PoolName.of("fe-dc3");
    static final int HOME_ID = 1;
    static final int BACKUP_ID = 2;
    static final Instant OUTAGE = Instant.parse("2024-05-01T10:00:00Z");
    static final int TIMER_SECONDS = 120;

    static final SipUri AFFECTED = SipUri.of("sip:user00001@fe-dc1.example.com");
    static final SipUri ON_BACKUP_POOL = SipUri.of("sip:user00001@fe-dc2.example.com");

    private Seed000Topology() {}

    /** fe-dc1 as it is in each state: the outage instant stays set until failback completes, as FrontEndPool keeps it. */
    static HomePoolView home(PoolState state) {
        return new HomePoolView(HOME, state, BACKUP, state == PoolState.NORMAL ? null : OUTAGE, TIMER_SECONDS);
    }

    /** fe-dc2, the backup pool: NORMAL throughout, it is the pool that serves the others. */
    static HomePoolView backupAsHome() {
        return new HomePoolView(BACKUP, PoolState.NORMAL, HOME, null, TIMER_SECONDS);
    }

    static UserView affectedSignedOut(FailbackStatus status) {
        return new UserView(AFFECTED, HOME, status, false, null, null, ClientVersion.LYNC_2013);
    }

    static UserView affectedSignedIn(FailbackStatus status, PoolName servingPool, RegistrationMode mode) {
        return new UserView(AFFECTED, HOME, status, true, servingPool, mode, ClientVersion.LYNC_2013);
    }

    /** An affected user moved home by the failback job but not done: signed in to fe-dc1 in resiliency mode. */
    static UserView movedHomeInResiliency() {
        return affectedSignedIn(FailbackStatus.MOVED, HOME, RegistrationMode.RESILIENCY);
    }

    /** An affected user whose failback is done, signed in to fe-dc1 in regular mode. */
    static UserView doneRegular() {
        return affectedSignedIn(FailbackStatus.DONE, HOME, RegistrationMode.REGULAR);
    }

    static UserView homedOnBackupSignedIn() {
        return new UserView(
                ON_BACKUP_POOL,
                BACKUP,
                FailbackStatus.NOT_AFFECTED,
                true,
                BACKUP,
                RegistrationMode.REGULAR,
                ClientVersion.LYNC_2013);
    }

    /** What the failover/failback jobs leave in the registrar, seen by the policy. */
    static UserView viewOf(Registration registration) {
        return new UserView(
                AFFECTED,
                poolName(registration.homePoolId()),
                registration.status(),
                registration.signedIn(),
                registration.servingPoolId() == null ? null : poolName(registration.servingPoolId()),
                registration.mode(),
                ClientVersion.LYNC_2013);
    }

    private static PoolName poolName(int id) {
        return switch (id) {
            case HOME_ID -> HOME;
            case BACKUP_ID -> BACKUP;
            default -> throw new IllegalArgumentException("no pool " + id);
        };
    }
}
