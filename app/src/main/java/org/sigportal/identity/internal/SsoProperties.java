package org.sigportal.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Role mapping for single sign-on: which claim carries the provider's groups or roles ({@code role-claim}),
 * and which claim value grants which portal role ({@code role-mapping.<value>=<ROLE>}). Mapped roles are
 * replaced at every sign-in; roles granted in the portal's admin view stay.
 */
@ConfigurationProperties("portal.sso")
public record SsoProperties(String roleClaim, Map<String, String> roleMapping) {

    public SsoProperties {
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "groups" : roleClaim;
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }
}
