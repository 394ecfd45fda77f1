package org.sigportal.support;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/** Runs a piece of a test as a signed-in user with the given authorities, then signs out again. */
public final class SignedIn {

    private SignedIn() {
    }

    public static <T> T as(String username, Supplier<T> action, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList(authorities)));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** As the bootstrapped administrator. */
    public static <T> T asAdmin(Supplier<T> action) {
        return as("admin", action, "ROLE_ADMIN", "ROLE_MEMBER", "SCOPE_read", "SCOPE_operate",
                "SCOPE_community-write");
    }
}
