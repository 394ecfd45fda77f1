package org.sigportal.identity;

/** A token just created: the secret is in here once and nowhere else, ever. */
public record CreatedApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "CreatedApiToken[" + token.name() + "]";
    }
}
