package org.sigportal.identity;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.Set;

/** A portal account as the views and other features see it: never carries the password hash. */
public record UserAccount(long id, String username, String displayName, @Nullable String email,
                          boolean emailVerified, @Nullable String avatarUrl, boolean enabled, Set<String> roles,
                          @Nullable String locale, boolean demo, OffsetDateTime createdAt, int version) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
