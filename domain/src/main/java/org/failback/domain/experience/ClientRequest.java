package org.failback.domain.experience;

/**
 * What a signed-in user's client asks for, as far as seed 000 restricts it. Signing in is not here: it is decided
 * by {@link ExperiencePolicy#signIn}, which also picks the serving pool and needs the time for the resiliency timer.
 */
public enum ClientRequest {
    /** A persistent change on the server: refused in resiliency mode. */
    ADD_CONTACT,
    /** The contacts list and the Address Book Service: unavailable in resiliency mode and, to affected users, during failback. */
    VIEW_CONTACTS,
    SCHEDULE_MEETING,
    MODIFY_MEETING,
    CREATE_AD_HOC_CONFERENCE,
    /** Joining or rejoining; whether a terminated conference may be rejoined at all is {@link ExperiencePolicy#canRejoin}. */
    JOIN_CONFERENCE,
    /** A session has two parties: the caller checks it for both, the one starting it and the one invited. */
    START_P2P,
    SET_PRESENCE
}
