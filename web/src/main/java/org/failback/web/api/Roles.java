package org.failback.web.api;

/** The three roles of the API, as constants so {@code @RolesAllowed} and the accounts agree on spelling. */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";
    public static final String CLIENT = "client";

    private Roles() {}
}
