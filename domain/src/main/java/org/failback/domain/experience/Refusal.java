package org.failback.domain.experience;

import org.failback.domain.pool.PoolName;
import org.failback.domain.registrar.SipUri;

/** Why the policy refused a client request; the constant's name is the API error code. */
public enum Refusal {
    POOL_UNAVAILABLE(
            503,
            "{pool} is down: {user} can sign in again when its registrar resiliency timer expires"
                    + " or an administrator starts failover, whichever comes first"),
    CLIENT_NOT_SUPPORTED(
            503,
            "Office Communicator 2007 R2 cannot sign in until the Front End pool {pool}"
                    + " is completely failed back: {user} can sign in with Lync 2013 or Lync 2010"),
    RESILIENCY_MODE(
            409,
            "{user} is in resiliency mode while {pool} is being failed over or failed back:"
                    + " this is not available until resiliency mode ends"),
    FAILBACK_IN_PROGRESS(
            409,
            "{pool} is being failed back: the contacts list and the Address Book Service are not available to {user}"
                    + " until the failback completes"),
    NOT_SIGNED_IN(409, "{user} is not signed in"),
    REJOIN_NOT_ALLOWED(
            409,
            "the conference cannot be rejoined while its organiser {user} is being failed back"
                    + " to {pool} (in resiliency mode)");

    private final int httpStatus;
    private final String messageTemplate;

    Refusal(int httpStatus, String messageTemplate) {
        this.httpStatus = httpStatus;
        this.messageTemplate = messageTemplate;
    }

    public String code() {
        return name();
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Placeholders {@code {user}} (the user the refusal is about) and {@code {pool}} (that user's home pool). */
    public String messageTemplate() {
        return messageTemplate;
    }

    public String message(SipUri user, PoolName homePool) {
        return messageTemplate.replace("{user}", String.valueOf(user)).replace("{pool}", String.valueOf(homePool));
    }
}
