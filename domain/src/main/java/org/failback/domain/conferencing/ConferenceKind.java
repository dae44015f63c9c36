package org.failback.domain.conferencing;

/** A meeting scheduled ahead, or an ad-hoc conference; creating either is refused in resiliency mode. */
public enum ConferenceKind {
    SCHEDULED,
    AD_HOC
}
