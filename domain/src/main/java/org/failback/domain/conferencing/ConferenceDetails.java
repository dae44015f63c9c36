package org.failback.domain.conferencing;

import java.util.List;

/** A conference as clients see it: participants by SIP URI, sorted. */
public record ConferenceDetails(
        long id,
        String organizer,
        ConferenceKind kind,
        String subject,
        SessionState state,
        List<String> participants,
        boolean rejoinAllowed) {}
