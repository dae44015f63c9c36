package org.failback.domain.conferencing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.failback.domain.client.ClientRefusedException;
import org.failback.domain.client.PolicyViews;
import org.failback.domain.experience.ClientRequest;
import org.failback.domain.experience.ExperiencePolicy;
import org.failback.domain.experience.Refusal;
import org.failback.domain.registrar.RegistrarUser;
import org.failback.domain.registrar.SipUri;
import org.failback.domain.registrar.UserLookup;

/**
 * Conferences and peer-to-peer sessions on behalf of a client. Each request is judged by the
 * {@link ExperiencePolicy} first and runs in one transaction, so a refused one changes nothing.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ClientRefusedException.class)
public class ConferenceService {

    @PersistenceContext(unitName = "failback")
    EntityManager em;

    private final ExperiencePolicy policy = new ExperiencePolicy();

    /** Scheduling a meeting or creating an ad-hoc conference: both refused in resiliency mode. */
    public ConferenceDetails create(SipUri organizer, ConferenceKind kind) {
        RegistrarUser user = UserLookup.lockWithHomePool(em, organizer);
        requireAllowed(
                kind == ConferenceKind.SCHEDULED
                        ? ClientRequest.SCHEDULE_MEETING
                        : ClientRequest.CREATE_AD_HOC_CONFERENCE,
                user);
        Conference conference = new Conference(user.getId(), kind);
        em.persist(conference);
        return details(conference);
    }

    /** Modifying a meeting is the organiser's persistent change, refused while the organiser is in resiliency mode. */
    public ConferenceDetails changeSubject(long id, String subject) {
        Conference conference = find(id);
        RegistrarUser organizer = UserLookup.lockWithHomePool(
                em, em.find(RegistrarUser.class, conference.getOrganizerId()).sipUri());
        lock(conference);
        requireAllowed(ClientRequest.MODIFY_MEETING, organizer);
        conference.rename(subject);
        return details(conference);
    }

    /**
     * Joins an active conference, or rejoins a terminated one. A conference failback terminated offers a rejoin, but
     * nobody can rejoin while its organiser is still affected (seed 000, "Ongoing conferences organized by affected
     * user"); one an outage terminated offers none.
     */
    public ConferenceDetails join(long id, SipUri participant) {
        Conference conference = find(id);
        RegistrarUser user = UserLookup.lockWithHomePool(em, participant);
        lock(conference);
        requireAllowed(ClientRequest.JOIN_CONFERENCE, user);
        if (conference.getState() == SessionState.TERMINATED && conference.isRejoinAllowed()) {
            RegistrarUser organizer = em.find(RegistrarUser.class, conference.getOrganizerId());
            if (!policy.canRejoin(PolicyViews.of(organizer), PolicyViews.of(organizer.getHomePool()))) {
                throw new ClientRefusedException(
                        Refusal.REJOIN_NOT_ALLOWED,
                        organizer.sipUri(),
                        organizer.getHomePool().poolName());
            }
        }
        // The organiser's side was judged just above; Conference itself still refuses a rejoin that was never offered.
        conference.join(user.getId(), true);
        return details(conference);
    }

    /** Leaving is always possible, whatever the mode; leaving twice is harmless. */
    public ConferenceDetails leave(long id, SipUri participant) {
        Conference conference = find(id);
        RegistrarUser user = UserLookup.lockWithHomePool(em, participant);
        lock(conference);
        conference.leave(user.getId());
        return details(conference);
    }

    public ConferenceDetails conference(long id) {
        return details(find(id));
    }

    /**
     * Starts a peer-to-peer session. A session has two parties, so the policy judges both: neither may be signed
     * out, nor in resiliency mode before their pool's failover completes.
     */
    public PeerToPeerDetails startPeerToPeer(SipUri caller, SipUri callee) {
        if (caller.equals(callee)) {
            throw new IllegalArgumentException("a peer-to-peer session needs two different users");
        }
        // A party who is not signed in is refused on their row as it is now, before any lock (H2 writes locks out
        // at the commit like changes); a sign-in committed after this read is one that came after the request.
        List<RegistrarUser> seen = List.of(UserLookup.find(em, caller), UserLookup.find(em, callee));
        for (RegistrarUser party : seen) {
            if (!party.isSignedIn()) {
                throw ClientRefusedException.notSignedIn(party);
            }
        }
        List<RegistrarUser> parties = UserLookup.lockWithHomePools(em, seen);
        RegistrarUser from = parties.get(0);
        RegistrarUser to = parties.get(1);
        requireAllowed(ClientRequest.START_P2P, from);
        requireAllowed(ClientRequest.START_P2P, to);
        PeerToPeerSession session = new PeerToPeerSession(from.getId(), to.getId());
        em.persist(session);
        return details(session);
    }

    public PeerToPeerDetails peerToPeer(long id) {
        PeerToPeerSession session = em.find(PeerToPeerSession.class, id);
        if (session == null) {
            throw new SessionNotFoundException("no peer-to-peer session " + id);
        }
        return details(session);
    }

    private Conference find(long id) {
        Conference conference = em.find(Conference.class, id);
        if (conference == null) {
            throw new SessionNotFoundException("no conference " + id);
        }
        return conference;
    }

    /**
     * Joins and leaves of one conference are serialised rather than failing each other optimistically; the
     * conference is locked after the users (see {@link UserLookup} for the order).
     */
    private void lock(Conference conference) {
        em.refresh(conference, LockModeType.PESSIMISTIC_WRITE);
    }

    private void requireAllowed(ClientRequest request, RegistrarUser user) {
        policy.check(request, PolicyViews.of(user), PolicyViews.of(user.getHomePool()))
                .ifPresent(refusal -> {
                    throw new ClientRefusedException(
                            refusal, user.sipUri(), user.getHomePool().poolName());
                });
    }

    private ConferenceDetails details(Conference conference) {
        Map<Long, String> sips = sipsOf(conference.getParticipants());
        String organizer =
                em.find(RegistrarUser.class, conference.getOrganizerId()).getSip();
        return new ConferenceDetails(
                conference.getId(),
                organizer,
                conference.getKind(),
                conference.getSubject(),
                conference.getState(),
                sips.values().stream().sorted().toList(),
                conference.isRejoinAllowed());
    }

    private PeerToPeerDetails details(PeerToPeerSession session) {
        Map<Long, String> sips = sipsOf(session.parties());
        return new PeerToPeerDetails(
                session.getId(), session.parties().stream().map(sips::get).toList(), session.getState());
    }

    private Map<Long, String> sipsOf(Collection<Long> userIds) {
        Map<Long, String> sips = new HashMap<>();
        if (!userIds.isEmpty()) {
            em.createQuery("SELECT u.id, u.sip FROM RegistrarUser u WHERE u.id IN :ids", Object[].class)
                    .setParameter("ids", userIds)
                    .getResultList()
                    .forEach(row -> sips.put((Long) row[0], (String) row[1]));
        }
        return sips;
    }
}
