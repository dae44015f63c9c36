package org.failback.domain.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.failback.domain.experience.ClientRequest;
import org.failback.domain.experience.ExperiencePolicy;
import org.failback.domain.experience.PresenceView;
import org.failback.domain.experience.SignInDecision;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.Contact;
import org.failback.domain.registrar.PresenceState;
import org.failback.domain.registrar.RegistrarUser;
import org.failback.domain.registrar.SipUri;
import org.failback.domain.registrar.UserLookup;

/**
 * What a client does for its user at the registrar: sign in and out, presence, contacts. Every request is judged by
 * the {@link ExperiencePolicy} before anything changes, and runs in one transaction, so a refusal changes nothing.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ClientRefusedException.class)
public class RegistrarService {

    @PersistenceContext(unitName = "failback")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    private final ExperiencePolicy policy = new ExperiencePolicy();

    /** Signs the user in where the policy says; a user already signed in keeps the current registration. */
    public RegistrarUser signIn(SipUri sip, ClientVersion client) {
        RegistrarUser user = UserLookup.lockWithHomePool(em, sip);
        FrontEndPool home = user.getHomePool();
        Instant now = clock.instant();
        SignInDecision decision = policy.signIn(PolicyViews.of(user).signingInWith(client), PolicyViews.of(home), now);
        if (!decision.isAccepted()) {
            throw new ClientRefusedException(decision.refusal(), sip, home.poolName());
        }
        if (!user.isSignedIn()) {
            FrontEndPool serving = decision.servingPool().equals(home.poolName()) ? home : home.getBackupPool();
            user.signIn(serving, decision.mode(), client, now);
        }
        return user;
    }

    /**
     * Signs the user out: their peer-to-peer sessions end and they leave the conferences they are in. The presence
     * they last set is kept. Signing out twice is harmless.
     */
    public void signOut(SipUri sip) {
        // A user who is not signed in has nothing to end: answered from their row as it is now, without the locks,
        // which H2 writes out at the commit like a change.
        RegistrarUser seen = UserLookup.find(em, sip);
        if (!seen.isSignedIn()) {
            return;
        }
        RegistrarUser user = UserLookup.lockWithHomePools(em, List.of(seen)).get(0);
        if (!user.isSignedIn()) {
            return;
        }
        em.createNativeQuery("UPDATE p2p_session SET state = 'TERMINATED', version = version + 1"
                        + " WHERE state = 'ACTIVE' AND (party_a = ?1 OR party_b = ?1)")
                .setParameter(1, user.getId())
                .executeUpdate();
        em.createNativeQuery("DELETE FROM conference_participant WHERE user_id = ?1")
                .setParameter(1, user.getId())
                .executeUpdate();
        user.signOut(clock.instant());
    }

    public RegistrarUser registration(SipUri sip) {
        return UserLookup.find(em, sip);
    }

    public RegistrarUser setPresence(SipUri sip, PresenceState state) {
        RegistrarUser user = UserLookup.lockWithHomePool(em, sip);
        requireAllowed(ClientRequest.SET_PRESENCE, user);
        user.setPresence(
                state,
                policy.keepsPresenceBeforeFailback(PolicyViews.of(user), PolicyViews.of(user.getHomePool())),
                clock.instant());
        return user;
    }

    /** What {@code viewer} sees of {@code subject}: seed 000's "presence as seen by" rows, decided by the policy. */
    public PresenceView presenceSeenBy(SipUri viewer, SipUri subject) {
        RegistrarUser watcher = UserLookup.find(em, viewer);
        RegistrarUser watched = UserLookup.find(em, subject);
        requireSignedIn(watcher);
        return policy.presenceSeenBy(
                PolicyViews.of(watched),
                watched.getPresenceSet(),
                watched.getPresenceBeforeFailback(),
                PolicyViews.of(watched.getHomePool()),
                watcher.getHomePool().poolName());
    }

    /** The contacts list: unavailable in resiliency mode and, to affected users, during failback (Address Book too). */
    public List<String> contacts(SipUri sip) {
        RegistrarUser user = UserLookup.find(em, sip);
        requireAllowed(ClientRequest.VIEW_CONTACTS, user);
        return em.createQuery(
                        "SELECT c.key.contactSip FROM Contact c WHERE c.key.ownerId = :owner ORDER BY c.key.contactSip",
                        String.class)
                .setParameter("owner", user.getId())
                .getResultList();
    }

    /** Adding a contact is a persistent change, refused in resiliency mode; adding one twice keeps one. */
    public void addContact(SipUri sip, SipUri contact) {
        if (sip.equals(contact)) {
            throw new IllegalArgumentException(sip + " cannot be their own contact");
        }
        RegistrarUser user = UserLookup.lockWithHomePool(em, sip);
        requireAllowed(ClientRequest.ADD_CONTACT, user);
        Long existing = em.createQuery(
                        "SELECT COUNT(c) FROM Contact c WHERE c.key.ownerId = :owner AND c.key.contactSip = :sip",
                        Long.class)
                .setParameter("owner", user.getId())
                .setParameter("sip", contact.value())
                .getSingleResult();
        if (existing == 0) {
            em.persist(new Contact(user.getId(), contact));
        }
    }

    private void requireAllowed(ClientRequest request, RegistrarUser user) {
        policy.check(request, PolicyViews.of(user), PolicyViews.of(user.getHomePool()))
                .ifPresent(refusal -> {
                    throw new ClientRefusedException(
                            refusal, user.sipUri(), user.getHomePool().poolName());
                });
    }

    private static void requireSignedIn(RegistrarUser user) {
        if (!user.isSignedIn()) {
            throw ClientRefusedException.notSignedIn(user);
        }
    }
}
