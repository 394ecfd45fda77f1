package org.sigportal.identity;

import org.junit.jupiter.api.Test;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user changes their own password; run on every database. */
abstract class PasswordChangeContract {

    @Autowired
    UserAccountService accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    private void signInAs(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER")));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndReplacesTheHash() {
        String name = TestAccounts.uniqueUsername("pw");
        accounts.signUp(new SignUpRequest(name, "Pw", name + "@example.org", "first-password"));
        try {
            signInAs(name);
            assertThatThrownBy(() -> accounts.changePassword("wrong-password", "second-password"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("currentPassword"));
            assertThatThrownBy(() -> accounts.changePassword("first-password", "short"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("newPassword"));

            accounts.changePassword("first-password", "second-password");

            String hash = userDetails.loadUserByUsername(name).getPassword();
            assertThat(hash).startsWith("{bcrypt}").doesNotContain("second-password");
            assertThat(encoder.matches("second-password", hash)).isTrue();
            assertThat(encoder.matches("first-password", hash)).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
