package org.failback.domain.client;

import org.failback.domain.experience.Refusal;
import org.failback.domain.pool.PoolName;
import org.failback.domain.registrar.SipUri;

/** The experience policy refused a client request; the transaction rolls back, so nothing changed. */
public class ClientRefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public ClientRefusedException(Refusal refusal, SipUri user, PoolName homePool) {
        super(refusal.message(user, homePool));
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
