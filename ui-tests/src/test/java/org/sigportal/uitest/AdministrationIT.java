package org.sigportal.uitest;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Sign-up, the administrator's user management and audit log, as users see them. */
class AdministrationIT extends PortalBrowserTest {

    static void signUp(Page page, String username, String password) {
        page.navigate("/signup");
        page.locator("#signup-username input").fill(username);
        page.locator("#signup-display-name input").fill("Member " + username);
        page.locator("#signup-email input").fill(username + "@example.org");
        page.locator("#signup-password input").fill(password);
        page.locator("#signup-password-confirm input").fill(password);
        page.locator("#signup-submit").click();
        assertThat(page.locator("#login-notice")).isVisible();
    }

    @Test
    void signUpRefusesATakenNameOnTheFieldAndKeepsTheInput() {
        page.navigate("/signup");
        page.locator("#signup-username input").fill("admin");
        page.locator("#signup-display-name input").fill("Impostor");
        page.locator("#signup-email input").fill("impostor@example.org");
        page.locator("#signup-password input").fill("long-enough-password");
        page.locator("#signup-password-confirm input").fill("long-enough-password");
        page.locator("#signup-submit").click();

        assertThat(page.locator("#signup-username")).containsText("This user name is taken");
        assertThat(page.locator("#signup-display-name input")).hasValue("Impostor");
    }

    @Test
    void administratorsSeeDemoMembersAndTheAuditTrail() {
        signInAsAdmin(page);
        page.navigate("/admin/users");
        Locator grid = page.locator("#users-grid");
        assertThat(grid).containsText("zhang.wei");
        assertThat(grid).containsText("Demo");

        page.navigate("/admin/audit");
        page.locator("#audit-filter-actor input").fill("admin");
        assertThat(page.locator("#audit-grid")).containsText("auth.sign-in");
    }

    @Test
    void disablingAMemberEndsTheirOpenSession() {
        String name = "member" + System.nanoTime() % 100_000;
        Page member = newPage("en-US");
        signUp(member, name, "member-password-1");
        signIn(member, name, "member-password-1");
        assertThat(member.locator("#home-title")).containsText(name);

        signInAsAdmin(page);
        page.navigate("/admin/users");
        page.locator("#users-search input").fill(name);
        // Wait for the filter to apply, so the click lands on the filtered row, not one being replaced.
        assertThat(page.locator("#edit-zhang\\.wei")).isHidden();
        // The grid may keep a hidden copy of a re-rendered cell: click the visible one.
        page.locator("#edit-" + name + " >> visible=true").click();
        page.locator("#user-toggle-enabled").click();
        confirm(page);
        assertThat(page.locator("#users-grid")).containsText("Disabled");

        member.navigate("/account");
        assertThat(member.locator("vaadin-login-form")).isVisible();
        signIn(member, name, "member-password-1");
        assertThat(member.locator("vaadin-login-form")).containsText("disabled");
    }

    @Test
    void aMemberChangesTheirPassword() {
        String name = "pw" + System.nanoTime() % 100_000;
        signUp(page, name, "first-password-1");
        signIn(page, name, "first-password-1");
        page.navigate("/account");
        page.locator("#current-password input").fill("wrong-password-1");
        page.locator("#new-password input").fill("second-password-2");
        page.locator("#new-password-confirm input").fill("second-password-2");
        page.locator("#change-password").click();
        assertThat(page.locator("#current-password")).containsText("The current password is wrong");

        page.locator("#current-password input").fill("first-password-1");
        page.locator("#change-password").click();
        assertThat(page.locator("vaadin-notification-card").first()).containsText("Your password was changed");

        signOut(page);
        signIn(page, name, "second-password-2");
        assertThat(page.locator("#home-title")).containsText(name);
    }
}
