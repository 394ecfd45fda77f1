package org.sigportal.base;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Who is acting in the current request, as a user name, for the audit trail and ownership checks. */
public final class CurrentActor {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    private CurrentActor() {
    }

    public static Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    /** The user name, or {@value #ANONYMOUS} when nobody is signed in. */
    public static String nameOrAnonymous() {
        return username().orElse(ANONYMOUS);
    }
}
