package org.failback.domain.chat;

import java.util.EnumSet;
import java.util.Set;
import org.failback.domain.pool.IllegalTransitionException;

/**
 * The Persistent Chat pool's state (Lync's {@code Set-CsPersistentChatState -PoolState Normal|FailedOver}, with the
 * states in between that the jobs pass through): {@code NORMAL → DOWN → FAILING_OVER → FAILED_OVER → FAILING_BACK →
 * NORMAL}.
 */
public enum ChatPoolState {
    NORMAL,
    /** The primary data centre is lost, not yet failed over. */
    DOWN,
    FAILING_OVER,
    FAILED_OVER,
    FAILING_BACK;

    /** The primary site's servers are lost with it: no chat server reaches a database. */
    public boolean dataPathLost() {
        return this == DOWN || this == FAILING_OVER;
    }

    /** The states from which {@code next} may be entered. */
    public static Set<ChatPoolState> sourcesOf(ChatPoolState next) {
        return switch (next) {
            case DOWN -> EnumSet.of(NORMAL);
            // A failover that failed or was stopped leaves FAILING_OVER and may be started again.
            case FAILING_OVER -> EnumSet.of(DOWN, FAILING_OVER);
            case FAILED_OVER -> EnumSet.of(FAILING_OVER);
            // A new failback starts only from FAILED_OVER: one that failed continues by restart of its execution.
            case FAILING_BACK -> EnumSet.of(FAILED_OVER);
            case NORMAL -> EnumSet.of(FAILING_BACK);
        };
    }

    /** Checks the transition to {@code next}; a refused one names both states. */
    public ChatPoolState to(ChatPoolState next, String pool) {
        if (!sourcesOf(next).contains(this)) {
            throw new IllegalTransitionException(
                    "chat pool " + pool + " is " + this + ": " + next + " needs " + sourcesOf(next));
        }
        return next;
    }
}
