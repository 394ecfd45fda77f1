package org.sigportal.uitest;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The bootstrapped administrator signs in with the password from the log, finds the navigation, signs out. */
class SignInIT extends PortalBrowserTest {

    @Test
    void signedOutVisitorsLearnWhatThePortalIs() {
        page.navigate("/");
        assertThat(page.locator("#home-title")).hasText("Cloud Native SIG Portal");
        assertThat(page.locator("#home-demo-notice")).isVisible();
        assertThat(page.locator("#demo-badge")).isVisible();
        assertThat(page.locator("#nav-admin")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-signed-out.png")));
    }

    @Test
    void theAdministratorSignsInSeesTheNavigationAndSignsOut() {
        signInAsAdmin(page);

        assertThat(page.locator("#attention-empty")).isVisible();
        assertThat(page.locator("#nav-admin")).containsText("Users");
        assertThat(page.locator("#nav-admin")).containsText("Audit log");
        assertThat(page.locator("#nav-docs")).containsText("Documentation");
        assertThat(page.locator("#nav-fleet")).containsText("Fleet overview");
        // Groups without a working view are not shown.
        assertThat(page.locator("#nav-runtimes")).hasCount(0);
        assertThat(page.locator("#nav-storage")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-admin.png")));

        signOut(page);

        assertThat(page.locator("#sign-in-link")).isVisible();
        assertThat(page.locator("#nav-admin")).hasCount(0);
        page.navigate("/admin/users");
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void aWrongPasswordGetsAClearMessage() {
        signIn(page, "admin", "not-the-password");

        assertThat(page.locator("vaadin-login-form")).containsText("The user name or password is wrong");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error$"));
    }

    @Test
    void aWrongPasswordGetsAClearMessageInChineseToo() {
        Page chinese = newPage("zh-CN");
        signIn(chinese, "admin", "not-the-password");

        assertThat(chinese.locator("vaadin-login-form")).containsText("用户名或密码错误");
    }

    @Test
    void anUnknownAddressShowsAFriendlyPageNotAStackTrace() {
        page.navigate("/no-such-page");
        assertThat(page.locator("#not-found")).containsText("Page not found");
        assertThat(page.locator("body")).not().containsText("Exception");
    }
}
