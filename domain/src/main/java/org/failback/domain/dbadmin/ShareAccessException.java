package org.failback.domain.dbadmin;

/** Log shipping refused because the copying account cannot read the share or write the copy folder. */
public class ShareAccessException extends DatabaseAdministrationException {

    private final transient ShareAccess access;

    public ShareAccessException(ShareAccess access) {
        super("share access check failed: " + access.describe());
        this.access = access;
    }

    public ShareAccess access() {
        return access;
    }
}
