package org.sigportal.cluster.ui;

import org.springframework.security.core.context.SecurityContextHolder;

/** Whether the current user may operate clusters: decides which controls a view offers (services still check). */
final class OperatorCheck {

    private OperatorCheck() {
    }

    static boolean canOperate() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR")
                || a.getAuthority().equals("ROLE_ADMIN"));
    }
}
