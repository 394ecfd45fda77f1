package org.sigportal.discussion.ui;

import org.sigportal.base.CurrentActor;
import org.springframework.security.core.context.SecurityContextHolder;

/** Which controls a view offers (the service checks again): members write; admins and maintainers moderate. */
final class Permissions {

    private Permissions() {
    }

    static boolean canWrite() {
        return has("ROLE_MEMBER");
    }

    static boolean canManage() {
        return has("ROLE_ADMIN") || has("ROLE_MAINTAINER");
    }

    static boolean isMe(String username) {
        return CurrentActor.username().map(username::equals).orElse(false);
    }

    private static boolean has(String authority) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
