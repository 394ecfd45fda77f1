package org.sigportal.identity;

import org.jspecify.annotations.Nullable;
import org.sigportal.base.ApiScope;

import java.time.OffsetDateTime;
import java.util.Set;

/** A personal API token as listed to its owner: never carries the secret. */
public record ApiToken(long id, String name, String prefix, Set<ApiScope> scopes, OffsetDateTime createdAt,
                       OffsetDateTime expiresAt, @Nullable OffsetDateTime lastUsedAt,
                       @Nullable OffsetDateTime revokedAt) {

    public boolean activeAt(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
