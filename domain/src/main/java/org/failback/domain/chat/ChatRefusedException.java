package org.failback.domain.chat;

/** A chat request the rules refuse, with the API's code for it; nothing was changed. */
public class ChatRefusedException extends RuntimeException {

    /** Why: a server outside the database's site and its low-latency links, or no active server reachable. */
    public enum Refusal {
        ACTIVE_SERVER_REMOTE,
        CHAT_UNAVAILABLE
    }

    private final Refusal refusal;

    public ChatRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
