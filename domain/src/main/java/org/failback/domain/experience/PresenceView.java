package org.failback.domain.experience;

import java.util.Objects;
import org.failback.domain.registrar.PresenceState;

/**
 * The presence one user shows another.
 *
 * @param live false when the state shown is a last known one that no longer updates
 */
public record PresenceView(PresenceState state, boolean live) {

    public PresenceView {
        Objects.requireNonNull(state, "state");
    }
}
