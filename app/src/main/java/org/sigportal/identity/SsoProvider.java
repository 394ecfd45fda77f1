package org.sigportal.identity;

/** A sign-in provider the operator configured: its registration id and the name users see. */
public record SsoProvider(String id, String displayName) {

    /** Where the browser starts the sign-in with this provider. */
    public String authorizationPath() {
        return "oauth2/authorization/" + id;
    }

    /** Where a signed-in user links this provider to their account. */
    public String linkPath() {
        return "sso/link/" + id;
    }
}
