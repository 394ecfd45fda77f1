package org.sigportal.identity;

/** What a visitor fills in to create a local account. */
public record SignUpRequest(String username, String displayName, String email, String password) {
}
