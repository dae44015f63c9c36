package org.failback.domain.conferencing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A conference and who is in it. Failover and failback terminate the conferences an affected user organises;
 * a terminated conference whose rejoin is allowed becomes ACTIVE again at the first join, holding only those who
 * rejoined (seed 000: "every participant needs to click to rejoin").
 */
@Entity
@Table(name = "conference")
public class Conference {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_seq")
    @SequenceGenerator(name = "session_seq", sequenceName = "session_seq", allocationSize = 50)
    private Long id;

    @Column(name = "organizer_id", nullable = false, updatable = false)
    private long organizerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConferenceKind kind;

    @Column(length = 200)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SessionState state = SessionState.ACTIVE;

    @Column(name = "rejoin_allowed", nullable = false)
    private boolean rejoinAllowed;

    @Column(name = "terminated_at")
    private Instant terminatedAt;

    @ElementCollection
    @CollectionTable(name = "conference_participant", joinColumns = @JoinColumn(name = "conference_id"))
    @Column(name = "user_id")
    private Set<Long> participants = new LinkedHashSet<>();

    @Version
    private long version;

    protected Conference() {}

    public Conference(long organizerId, ConferenceKind kind) {
        this.organizerId = organizerId;
        this.kind = kind;
        this.participants.add(organizerId);
    }

    public void rename(String newSubject) {
        if (newSubject == null || newSubject.isBlank() || newSubject.length() > 200) {
            throw new IllegalArgumentException("subject must be 1-200 characters");
        }
        this.subject = newSubject.strip();
    }

    /** Ends every modality. With {@code rejoinOffered} participants see a rejoin button afterwards. */
    public void terminate(boolean rejoinOffered, Instant now) {
        if (state == SessionState.TERMINATED && rejoinAllowed == rejoinOffered) {
            return;
        }
        state = SessionState.TERMINATED;
        rejoinAllowed = rejoinOffered;
        participants.clear();
        terminatedAt = now;
    }

    /** Joining an active conference, or rejoining a terminated one whose rejoin is allowed now. */
    public void join(long userId, boolean rejoinPermittedNow) {
        if (state == SessionState.TERMINATED) {
            if (!rejoinAllowed || !rejoinPermittedNow) {
                throw new RejoinNotAllowedException("conference " + id + " was terminated and cannot be rejoined now");
            }
            state = SessionState.ACTIVE;
            terminatedAt = null;
        }
        participants.add(userId);
    }

    public void leave(long userId) {
        participants.remove(userId);
    }

    public Long getId() {
        return id;
    }

    public long getOrganizerId() {
        return organizerId;
    }

    public ConferenceKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public SessionState getState() {
        return state;
    }

    public boolean isRejoinAllowed() {
        return rejoinAllowed;
    }

    public Set<Long> getParticipants() {
        return Set.copyOf(participants);
    }
}
