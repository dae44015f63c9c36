package org.failback.domain.pool;

/** No Front End pool has that name. */
public class PoolNotFoundException extends RuntimeException {

    public PoolNotFoundException(String name) {
        super("no Front End pool named '" + name + "'");
    }
}
