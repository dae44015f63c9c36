package org.failback.web.registrar;

import org.failback.domain.registrar.PresenceState;

/** {@code GET /api/clients/{sip}/presence/{other}}: {@code live} is false for a last known state that no longer updates. */
public record PresenceJson(String sip, PresenceState state, boolean live) {}
