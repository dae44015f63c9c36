package org.failback.domain.registrar;

/** How a signed-in user is served: all services, or the restricted resiliency mode. */
public enum RegistrationMode {
    REGULAR,
    RESILIENCY
}
