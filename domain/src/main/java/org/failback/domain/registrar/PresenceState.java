package org.failback.domain.registrar;

/** Presence a user sets; UNKNOWN is only ever what others see, never a state a user sets. */
public enum PresenceState {
    AVAILABLE,
    BUSY,
    DO_NOT_DISTURB,
    AWAY,
    OFFLINE,
    UNKNOWN
}
