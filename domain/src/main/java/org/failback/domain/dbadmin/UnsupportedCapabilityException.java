package org.failback.domain.dbadmin;

/** The engine cannot do this at all (H2 has no mirroring and no log shipping): said plainly, never pretended. */
public class UnsupportedCapabilityException extends DatabaseAdministrationException {

    private final Capability capability;

    public UnsupportedCapabilityException(Capability capability, String engine) {
        super(engine + " cannot do " + capability + ": the step records it instead of pretending");
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }
}
