package org.failback.domain.conferencing;

import java.util.List;

/** A peer-to-peer session as clients see it: the two parties by SIP URI, the one who started it first. */
public record PeerToPeerDetails(long id, List<String> parties, SessionState state) {}
