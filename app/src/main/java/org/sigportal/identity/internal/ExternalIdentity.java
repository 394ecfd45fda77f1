package org.sigportal.identity.internal;

import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What a provider told us about the person signing in, normalised across OpenID Connect and plain OAuth2. */
record ExternalIdentity(String provider, String subject, @Nullable String preferredUsername, @Nullable String name,
                        @Nullable String email, boolean emailVerified, @Nullable String avatarUrl,
                        @Nullable String locale, List<String> claimValues) {

    static ExternalIdentity from(String provider, String subject, Map<String, Object> claims, String roleClaim) {
        return new ExternalIdentity(provider, subject,
                firstString(claims, "preferred_username", "login", "username"),
                firstString(claims, "name", "nickname"),
                firstString(claims, "email"),
                Boolean.TRUE.equals(claims.get("email_verified")) || "true".equals(claims.get("email_verified")),
                firstString(claims, "picture", "avatar_url"),
                firstString(claims, "locale"),
                values(claims.get(roleClaim)));
    }

    private static @Nullable String firstString(Map<String, Object> claims, String... keys) {
        for (String key : keys) {
            Object v = claims.get(key);
            if (v instanceof String s && !s.isBlank()) {
                return s.trim();
            }
        }
        return null;
    }

    private static List<String> values(@Nullable Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s && !s.isBlank()) {
            return List.of(s.split("[,\\s]+"));
        }
        return List.of();
    }
}
