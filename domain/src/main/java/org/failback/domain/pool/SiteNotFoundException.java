package org.failback.domain.pool;

/** No site with Front End pools has that name. */
public class SiteNotFoundException extends RuntimeException {

    public SiteNotFoundException(String name) {
        super("no site named '" + name + "' with Front End pools");
    }
}
