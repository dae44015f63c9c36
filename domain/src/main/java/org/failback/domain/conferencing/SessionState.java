package org.failback.domain.conferencing;

/** Whether a conference or a peer-to-peer session is going on. */
public enum SessionState {
    ACTIVE,
    TERMINATED
}
