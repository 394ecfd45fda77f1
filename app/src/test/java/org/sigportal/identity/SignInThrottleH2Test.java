package org.sigportal.identity;

import org.junit.jupiter.api.Test;
import org.sigportal.support.H2Database;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigportal.support.PortalHttpClient.location;

/** Repeated wrong passwords for one account are slowed, then refused for a while, even with the right one. */
@H2Database
class SignInThrottleH2Test {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;

    @Test
    void tenWrongPasswordsLockTheAccountsSignInForAWhile() {
        String name = TestAccounts.uniqueUsername("guess");
        accounts.signUp(new SignUpRequest(name, "Guessed", name + "@example.org", "right-password-1"));
        PortalHttpClient attacker = new PortalHttpClient(port);
        for (int i = 0; i < 10; i++) {
            assertThat(location(attacker.signIn(name, "wrong-" + i))).endsWith("/login?error");
        }

        PortalHttpClient owner = new PortalHttpClient(port);
        String refused = location(owner.signIn(name, "right-password-1"));

        assertThat(refused).matches(".*/login\\?locked=\\d+");
        assertThat(owner.get("/api/v1/me").statusCode()).isEqualTo(401);
        // Another account is not affected.
        String other = TestAccounts.uniqueUsername("other");
        accounts.signUp(new SignUpRequest(other, "Other", other + "@example.org", "right-password-2"));
        assertThat(location(new PortalHttpClient(port).signIn(other, "right-password-2"))).doesNotContain("login");
    }
}
