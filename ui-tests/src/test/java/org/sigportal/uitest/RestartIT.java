package org.sigportal.uitest;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The embedded database is a file: a restart keeps accounts and the audit trail. */
class RestartIT extends PortalBrowserTest {

    @Test
    void restartingThePortalKeepsAccountsAndAuditEntries() {
        String name = "keep" + System.nanoTime() % 100_000;
        AdministrationIT.signUp(page, name, "keep-password-1");

        portal.restart();

        page = newPage("en-US");
        signIn(page, name, "keep-password-1");
        assertThat(page.locator("#home-title")).containsText(name);
        signOut(page);
        signInAsAdmin(page);
        page.navigate("/admin/audit");
        page.locator("#audit-filter-text input").fill(name);
        assertThat(page.locator("#audit-grid")).containsText("account.sign-up");
        org.assertj.core.api.Assertions.assertThat(portal.log()).containsOnlyOnce("Initial admin password");
    }
}
