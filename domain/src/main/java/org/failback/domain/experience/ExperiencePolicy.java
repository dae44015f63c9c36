package org.failback.domain.experience;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolState;
import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.PresenceState;
import org.failback.domain.registrar.RegistrationMode;

/**
 * The one place that decides, from seed 000, what a user may do while their home pool is down, failed over or
 * being failed back, and which pool serves them. It holds no state and changes nothing: the caller reads both views
 * in its own transaction, asks, and applies the answer, so the REST resources and the batch jobs cannot disagree.
 *
 * <p>An outage is not a decision but an obligation of the pool service, in the outage's own transaction (seed:
 * "the user is logged out. Any peer-to-peer session the user was participating in is terminated, as are conferences
 * organized by that user"): sign out every user the pool serves, terminate every peer-to-peer session one of them
 * takes part in, and terminate every conference one of them organises without offering a rejoin, since those
 * sessions must be re-established after failover. Starting failback terminates the conferences that affected users
 * organise, this time offering a rejoin, which {@link #canRejoin} guards.
 *
 * <p>Every method takes the user's own home pool: a user homed on the backup pool is judged against that pool,
 * which is NORMAL, and so is never affected. Passing another pool is a programming error.
 */
public final class ExperiencePolicy {

    /**
     * Which pool serves a user who signs in now, and in which mode. A user already signed in gets their current
     * registration: signing in never moves anyone, the failover and failback jobs do.
     */
    public SignInDecision signIn(UserView user, HomePoolView home, Instant now) {
        requireHomeOf(user, home);
        Objects.requireNonNull(now, "now");
        // Checked first: before the timer, since an OC 2007 R2 client told "retry later" would be refused again after
        // it, and before "already signed in", since the client signing in now is the one the seed refuses.
        if (user.clientVersion() == ClientVersion.OC_2007_R2 && home.state() != PoolState.NORMAL) {
            return SignInDecision.refused(Refusal.CLIENT_NOT_SUPPORTED);
        }
        if (user.signedIn()) {
            return SignInDecision.accepted(user.servingPool(), user.mode());
        }
        return switch (home.state()) {
            case NORMAL -> SignInDecision.accepted(home.name(), RegistrationMode.REGULAR);
            case DOWN ->
                now.isBefore(home.signInDeadline()) || home.backupPool() == null
                        ? SignInDecision.refused(Refusal.POOL_UNAVAILABLE)
                        : SignInDecision.accepted(home.backupPool(), RegistrationMode.RESILIENCY);
            case FAILING_OVER -> SignInDecision.accepted(home.backupPool(), RegistrationMode.RESILIENCY);
            case FAILED_OVER -> SignInDecision.accepted(home.backupPool(), RegistrationMode.REGULAR);
            // DONE is "after failback completion" for that user, the state the failback job leaves them in.
            case FAILING_BACK ->
                SignInDecision.accepted(
                        home.name(),
                        user.failbackStatus() == FailbackStatus.DONE
                                ? RegistrationMode.REGULAR
                                : RegistrationMode.RESILIENCY);
        };
    }

    /** Why a signed-in user's request is refused, or empty when it is allowed. */
    public Optional<Refusal> check(ClientRequest request, UserView user, HomePoolView home) {
        Objects.requireNonNull(request, "request");
        requireHomeOf(user, home);
        if (!user.signedIn()) {
            return Optional.of(Refusal.NOT_SIGNED_IN);
        }
        if (!user.inResiliencyMode()) {
            return contactsDuringFailback(request, user, home);
        }
        // An exhaustive switch: a new request type cannot compile without a resiliency-mode decision.
        return switch (request) {
            case SET_PRESENCE -> Optional.empty();
            case ADD_CONTACT, VIEW_CONTACTS, SCHEDULE_MEETING, MODIFY_MEETING, CREATE_AD_HOC_CONFERENCE ->
                Optional.of(Refusal.RESILIENCY_MODE);
            // Seed: new sessions only once failover completes, yet during failback p2p and conferences go on.
            case START_P2P, JOIN_CONFERENCE ->
                home.failoverIncomplete() ? Optional.of(Refusal.RESILIENCY_MODE) : Optional.empty();
        };
    }

    /**
     * Seed 000's failback table: "Contacts list and Address Book Service availability: Not available" for an affected
     * user during failback, whichever side of the move they are on. A user still served by the backup pool is in
     * regular mode there (failover completed), so resiliency mode alone would let them through.
     */
    private Optional<Refusal> contactsDuringFailback(ClientRequest request, UserView user, HomePoolView home) {
        boolean contacts = request == ClientRequest.VIEW_CONTACTS || request == ClientRequest.ADD_CONTACT;
        return contacts && home.state() == PoolState.FAILING_BACK && isAffected(user, home)
                ? Optional.of(Refusal.FAILBACK_IN_PROGRESS)
                : Optional.empty();
    }

    /**
     * Whether a conference that failback terminated, organised by {@code organiser}, may be rejoined now. The seed
     * puts rejoining in its "after failback completion" column: while the organiser is still affected they are, or
     * are about to be, in resiliency mode, so nobody can rejoin yet.
     */
    public boolean canRejoin(UserView organiser, HomePoolView organiserHome) {
        return !organiser.inResiliencyMode() && !isAffected(organiser, organiserHome);
    }

    /**
     * What a viewer homed on {@code viewerHomePool} sees of {@code subject}. While the subject's home pool is being
     * failed back and their own failback is not done, nothing about them updates: their own pool's users see
     * UNKNOWN, other pools the last state set before the failback began (seed: only "after failback completion" do
     * unaffected users "see updates made by affected users"); a sign-out in that time is not seen either. Otherwise a
     * signed-out subject shows OFFLINE, a signed-in one the state they last set, both live.
     *
     * @param lastSet the state the subject last set, which outlives sign-outs; never UNKNOWN
     * @param setBeforeFailback the state the subject had set when the failback began, kept once they change it
     *     during the failback ({@link #keepsPresenceBeforeFailback}); null when they have not changed it since
     */
    public PresenceView presenceSeenBy(
            UserView subject,
            PresenceState lastSet,
            PresenceState setBeforeFailback,
            HomePoolView subjectHome,
            PoolName viewerHomePool) {
        requireHomeOf(subject, subjectHome);
        Objects.requireNonNull(lastSet, "lastSet");
        Objects.requireNonNull(viewerHomePool, "viewerHomePool");
        if (lastSet == PresenceState.UNKNOWN || setBeforeFailback == PresenceState.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is what others may see, not a state a user sets");
        }
        if (keepsPresenceBeforeFailback(subject, subjectHome)) {
            return viewerHomePool.equals(subjectHome.name())
                    ? new PresenceView(PresenceState.UNKNOWN, false)
                    : new PresenceView(setBeforeFailback == null ? lastSet : setBeforeFailback, false);
        }
        return new PresenceView(subject.signedIn() ? lastSet : PresenceState.OFFLINE, true);
    }

    /**
     * While this holds, a presence change must keep the state set before the failback for the viewers of other pools:
     * the subject's home pool is being failed back and the subject's own failback is not done.
     */
    public boolean keepsPresenceBeforeFailback(UserView subject, HomePoolView subjectHome) {
        requireHomeOf(subject, subjectHome);
        return subjectHome.state() == PoolState.FAILING_BACK && isAffected(subject, subjectHome);
    }

    /**
     * Seed: "any user who was failed over from the home pool and is being serviced by the backup pool", which here
     * includes the users failback has moved home but not finished with. From the moment failover starts a user is
     * affected even before the failover job has reached them, and a DONE left from an earlier failback does not count.
     */
    public boolean isAffected(UserView user, HomePoolView home) {
        requireHomeOf(user, home);
        PoolState state = home.state();
        return switch (user.failbackStatus()) {
            case ON_BACKUP, MOVED, FAILED -> true;
            case NOT_AFFECTED ->
                state == PoolState.FAILING_OVER || state == PoolState.FAILED_OVER || state == PoolState.FAILING_BACK;
            case DONE -> state == PoolState.FAILING_OVER || state == PoolState.FAILED_OVER;
        };
    }

    private static void requireHomeOf(UserView user, HomePoolView home) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(home, "home");
        if (!user.homePool().equals(home.name())) {
            throw new IllegalArgumentException(user.sip() + " is homed on " + user.homePool() + ", not on "
                    + home.name() + ": a user is judged against their own home pool");
        }
    }
}
