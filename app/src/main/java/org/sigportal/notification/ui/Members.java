package org.sigportal.notification.ui;

import org.springframework.security.core.context.SecurityContextHolder;

/** Whether the signed-in user is a member: the bell and the watch buttons are for members only. */
final class Members {

    private Members() {
    }

    static boolean signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> "ROLE_MEMBER".equals(a.getAuthority()));
    }
}
