package org.failback.domain.experience;

import java.util.Objects;
import org.failback.domain.pool.PoolName;
import org.failback.domain.registrar.RegistrationMode;

/**
 * The outcome of a sign-in: refused for a reason, or accepted by a serving pool in a mode. Exactly one of
 * {@code refusal} and ({@code servingPool}, {@code mode}) is set.
 */
public record SignInDecision(Refusal refusal, PoolName servingPool, RegistrationMode mode) {

    public SignInDecision {
        boolean accepted = refusal == null && servingPool != null && mode != null;
        boolean refused = refusal != null && servingPool == null && mode == null;
        if (!accepted && !refused) {
            throw new IllegalArgumentException("a sign-in is either refused or accepted by a pool in a mode");
        }
    }

    public static SignInDecision accepted(PoolName servingPool, RegistrationMode mode) {
        return new SignInDecision(
                null, Objects.requireNonNull(servingPool, "servingPool"), Objects.requireNonNull(mode, "mode"));
    }

    public static SignInDecision refused(Refusal refusal) {
        return new SignInDecision(Objects.requireNonNull(refusal, "refusal"), null, null);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
