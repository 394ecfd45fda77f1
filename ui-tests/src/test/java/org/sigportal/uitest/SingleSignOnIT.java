package org.sigportal.uitest;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The real authorization-code flow in Chromium against a real Keycloak running the shipped realm: a realm user
 * signs in, gets an account with the role their group maps to, and signing out ends the Keycloak session too.
 */
class SingleSignOnIT extends PortalBrowserTest {

    @Test
    void aRealmUserSignsInWithKeycloakAndSignsOutOfBoth() {
        String username = "li.lei" + System.nanoTime() % 100_000;
        String password = KeycloakServer.randomSecret();
        portal.keycloak().createUser(username, password, username + "@example.org", "fleet-operators");

        page.navigate("/login");
        page.locator("#sso-keycloak").click();
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();

        assertThat(page.locator("#home-title")).containsText(username);
        page.navigate("/account");
        assertThat(page.locator("#account-roles")).containsText("Operator");
        assertThat(page.locator("#profile-identities")).containsText("Community SSO");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/profile-sso.png"))
                .setFullPage(true));

        signOut(page);

        // Keycloak's session ended too: signing in again asks for the password.
        page.locator("#sign-in-link").click();
        page.locator("#sso-keycloak").click();
        assertThat(page.locator("#username")).isVisible();
        assertThat(page.locator("#kc-login")).isVisible();
    }
}
