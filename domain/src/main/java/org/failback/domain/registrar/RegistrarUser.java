package org.failback.domain.registrar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.failback.domain.pool.FrontEndPool;

/**
 * A user homed on a Front End pool and their registration. Users are never re-homed by failover or failback:
 * only the serving pool, the mode and the failback status change.
 */
@Entity
@Table(name = "registrar_user")
public class RegistrarUser {

    @Id
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String sip;

    @ManyToOne(optional = false)
    @JoinColumn(name = "home_pool_id", updatable = false)
    private FrontEndPool homePool;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_version", nullable = false, length = 16)
    private ClientVersion clientVersion;

    @Column(name = "signed_in", nullable = false)
    private boolean signedIn;

    @ManyToOne
    @JoinColumn(name = "serving_pool_id")
    private FrontEndPool servingPool;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private RegistrationMode mode;

    @Enumerated(EnumType.STRING)
    @Column(name = "failback_status", nullable = false, length = 16)
    private FailbackStatus failbackStatus = FailbackStatus.NOT_AFFECTED;

    @Enumerated(EnumType.STRING)
    @Column(name = "presence_set", nullable = false, length = 16)
    private PresenceState presenceSet = PresenceState.AVAILABLE;

    /**
     * The state set when the failback of the home pool began, kept from the user's first change during that failback
     * until their failback is done (the failback job clears it): what users of other pools go on seeing.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "presence_before_failback", length = 16)
    private PresenceState presenceBeforeFailback;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(length = 512)
    private String error;

    @Version
    private long version;

    protected RegistrarUser() {}

    public RegistrarUser(long id, SipUri sip, FrontEndPool homePool, ClientVersion clientVersion, Instant now) {
        this.id = id;
        this.sip = sip.value();
        this.homePool = homePool;
        this.clientVersion = clientVersion;
        this.updatedAt = now;
    }

    public void signIn(FrontEndPool pool, RegistrationMode mode, ClientVersion client, Instant now) {
        this.signedIn = true;
        this.servingPool = pool;
        this.mode = mode;
        this.clientVersion = client;
        this.updatedAt = now;
    }

    /** Signing out keeps the presence the user last set: it survives outages, failover and failback. */
    public void signOut(Instant now) {
        this.signedIn = false;
        this.servingPool = null;
        this.mode = null;
        this.updatedAt = now;
    }

    /**
     * @param keepStateBeforeFailback true while the home pool's failback hides this user's changes from other pools:
     *     the state set before it is kept (once, at the first change)
     */
    public void setPresence(PresenceState state, boolean keepStateBeforeFailback, Instant now) {
        if (state == PresenceState.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is what others may see, not a state a user sets");
        }
        if (!keepStateBeforeFailback) {
            this.presenceBeforeFailback = null;
        } else if (presenceBeforeFailback == null) {
            this.presenceBeforeFailback = presenceSet;
        }
        this.presenceSet = state;
        this.updatedAt = now;
    }

    /** The registration as stored, which the jobs compare and write (their UPDATEs match the stored status). */
    public Registration registration() {
        return new Registration(
                id, homePool.getId(), failbackStatus, signedIn, servingPool == null ? null : servingPool.getId(), mode);
    }

    public Long getId() {
        return id;
    }

    public SipUri sipUri() {
        return new SipUri(sip);
    }

    public String getSip() {
        return sip;
    }

    public FrontEndPool getHomePool() {
        return homePool;
    }

    public ClientVersion getClientVersion() {
        return clientVersion;
    }

    public boolean isSignedIn() {
        return signedIn;
    }

    public FrontEndPool getServingPool() {
        return servingPool;
    }

    /** Regular once the home pool's failback completed: the move home stored resiliency mode ({@link FailbackStatus}). */
    public RegistrationMode getMode() {
        return mode == RegistrationMode.RESILIENCY && failbackCompletedSinceMove() ? RegistrationMode.REGULAR : mode;
    }

    /** The status as the home pool's state makes it: MOVED reads DONE once the failback completed. */
    public FailbackStatus getFailbackStatus() {
        return failbackStatus.seenWhile(homePool.getState());
    }

    private boolean failbackCompletedSinceMove() {
        return failbackStatus == FailbackStatus.MOVED && getFailbackStatus() == FailbackStatus.DONE;
    }

    public PresenceState getPresenceSet() {
        return presenceSet;
    }

    /** Null once the failback completed: presence is live again, whatever the move home kept. */
    public PresenceState getPresenceBeforeFailback() {
        return failbackCompletedSinceMove() ? null : presenceBeforeFailback;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getError() {
        return error;
    }
}
