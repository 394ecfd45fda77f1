package org.sigportal.identity;

/** A sign-in provider the operator configured: its registration id and the name users see. */
public record SsoProvider(String id, String displayName) {

    /**
     * Why a single sign-on can be refused, as the sign-in page's {@code sso-error} parameter: each has a message
     * in the bundles ({@code login.sso.error.<reason>}); anything else is shown as {@code general}.
     */
    public static final java.util.Set<String> FAILURE_REASONS = java.util.Set.of("state", "token", "account_disabled",
            "email_in_use", "identity_linked_elsewhere", "provider_already_linked", "access_denied", "general");

    /** Where the browser starts the sign-in with this provider. */
    public String authorizationPath() {
        return "oauth2/authorization/" + id;
    }

    /** Where a signed-in user links this provider to their account. */
    public String linkPath() {
        return "sso/link/" + id;
    }
}
