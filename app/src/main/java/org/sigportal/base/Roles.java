package org.sigportal.base;

import java.util.List;

/**
 * The portal's roles. Anonymous visitors may read public pages; every signed-in account is at least a member.
 * Constants are the Spring Security role names (without the {@code ROLE_} prefix) for {@code @RolesAllowed}.
 */
public final class Roles {

    public static final String MEMBER = "MEMBER";
    /** An upstream contributor. */
    public static final String CONTRIBUTOR = "CONTRIBUTOR";
    /** A SIG lead. */
    public static final String MAINTAINER = "MAINTAINER";
    /** May operate clusters. */
    public static final String OPERATOR = "OPERATOR";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(MEMBER, CONTRIBUTOR, MAINTAINER, OPERATOR, ADMIN);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
