package org.sigportal.identity;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/** An account at an identity provider linked to a portal account. */
public record LinkedIdentity(String provider, String providerName, @Nullable String email, OffsetDateTime linkedAt,
                             @Nullable OffsetDateTime lastSignInAt) {
}
