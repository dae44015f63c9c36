package org.failback.domain.client;

import org.failback.domain.experience.Refusal;
import org.failback.domain.pool.PoolName;
import org.failback.domain.registrar.RegistrarUser;
import org.failback.domain.registrar.SipUri;

/**
 * The experience policy refused a client request. Every refusal is decided before the request changes anything, so
 * the services commit rather than roll back on it ({@code dontRollbackOn}): in H2 2.2 a rollback writes a store chunk
 * even when the transaction changed nothing, while a commit of a transaction that only read writes none.
 */
public class ClientRefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public ClientRefusedException(Refusal refusal, SipUri user, PoolName homePool) {
        super(refusal.message(user, homePool));
        this.refusal = refusal;
    }

    /** A request that needs the user signed in, and they are not. */
    public static ClientRefusedException notSignedIn(RegistrarUser user) {
        return new ClientRefusedException(
                Refusal.NOT_SIGNED_IN, user.sipUri(), user.getHomePool().poolName());
    }

    public Refusal refusal() {
        return refusal;
    }
}
