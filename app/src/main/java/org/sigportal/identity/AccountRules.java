package org.sigportal.identity;

import org.jspecify.annotations.Nullable;

import java.util.regex.Pattern;

/** The rules an account's fields follow; shared by the forms (early feedback) and the service (the authority). */
public final class AccountRules {

    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 128;
    public static final int DISPLAY_NAME_MAX = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private AccountRules() {
    }

    public static void checkUsername(@Nullable String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "account.error.username-format");
        }
    }

    public static void checkDisplayName(@Nullable String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidInputException("displayName", "account.error.display-name-required");
        }
        if (displayName.length() > DISPLAY_NAME_MAX) {
            throw new InvalidInputException("displayName", "account.error.display-name-long", DISPLAY_NAME_MAX);
        }
    }

    public static void checkEmail(@Nullable String email) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "account.error.email-format");
        }
    }

    public static void checkPassword(String field, @Nullable String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            throw new InvalidInputException(field, "account.error.password-short", PASSWORD_MIN);
        }
        if (password.length() > PASSWORD_MAX) {
            throw new InvalidInputException(field, "account.error.password-long", PASSWORD_MAX);
        }
    }
}
