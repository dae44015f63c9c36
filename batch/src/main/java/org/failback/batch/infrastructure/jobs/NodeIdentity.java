package org.failback.batch.infrastructure.jobs;

import java.util.UUID;

/**
 * Who runs a job: the node name (system property failback.node) plus a boot id that changes with every JVM.
 * A lock held by the same node name but another boot id belongs to a JVM that is gone.
 */
public final class NodeIdentity {

    private static final String BOOT = UUID.randomUUID().toString().substring(0, 8);

    private NodeIdentity() {}

    public static String nodeName() {
        return System.getProperty("failback.node", "failback-1");
    }

    public static String current() {
        return nodeName() + "/" + BOOT;
    }

    /**
     * Whether the owner of a lock is provably gone: it is not this JVM, and either this node restarted since (same
     * node name, another boot id) or the owner's lease expired (judged by the database).
     */
    public static boolean ownerIsDead(String owner, boolean leaseExpired) {
        if (owner.equals(current())) {
            return false;
        }
        return nodeNameOf(owner).equals(nodeName()) || leaseExpired;
    }

    public static String nodeNameOf(String identity) {
        int slash = identity.lastIndexOf('/');
        return slash < 0 ? identity : identity.substring(0, slash);
    }
}
