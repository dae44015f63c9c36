package org.failback.batch.infrastructure.engine;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the product is ready (schema migrated, credentials written, demo seeded): the health check and the
 * schedulers ask it, the bootstrap sets it once.
 */
@ApplicationScoped
public class ProductReadiness {

    private volatile boolean ready;

    public boolean isReady() {
        return ready;
    }

    public void ready() {
        ready = true;
    }
}
