package org.failback.domain.conferencing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;

/** A two-party session (IM, audio, video); an outage of either party's pool terminates it. */
@Entity
@Table(name = "p2p_session")
public class PeerToPeerSession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_seq")
    @SequenceGenerator(name = "session_seq", sequenceName = "session_seq", allocationSize = 50)
    private Long id;

    @Column(name = "party_a", nullable = false, updatable = false)
    private long partyA;

    @Column(name = "party_b", nullable = false, updatable = false)
    private long partyB;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SessionState state = SessionState.ACTIVE;

    @Version
    private long version;

    protected PeerToPeerSession() {}

    public PeerToPeerSession(long partyA, long partyB) {
        if (partyA == partyB) {
            throw new IllegalArgumentException("a peer-to-peer session needs two different users");
        }
        this.partyA = partyA;
        this.partyB = partyB;
    }

    public void terminate() {
        state = SessionState.TERMINATED;
    }

    public Long getId() {
        return id;
    }

    public List<Long> parties() {
        return List.of(partyA, partyB);
    }

    public SessionState getState() {
        return state;
    }
}
