package org.sigportal.uitest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Base of the browser tests: the shared portal, a fresh browser context per test, and small page helpers. */
abstract class PortalBrowserTest {

    protected PortalProcess portal;
    protected Page page;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeEach
    void openBrowser() {
        portal = PortalProcess.get();
        page = newPage("en-US");
    }

    @AfterEach
    void closeBrowser() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A new, isolated browser (own cookies) whose language is {@code locale}. */
    protected Page newPage(String locale) {
        BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setBaseURL(portal.baseUrl())
                .setViewportSize(1280, 860));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context.newPage();
    }

    protected static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.locator("vaadin-text-field[name='username'] input").fill(username);
        page.locator("vaadin-password-field[name='password'] input").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form vaadin-button[theme~='submit']")
                .first().click();
    }

    protected void signInAsAdmin(Page page) {
        signIn(page, "admin", portal.adminPassword());
        assertThat(page.locator("#home-title")).containsText("admin");
    }

    /** Clicks the confirm button of the open confirmation dialog (closed ones may linger in the page). */
    protected static void confirm(Page page) {
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], "
                + "vaadin-confirm-dialog vaadin-button[slot='confirm-button'] >> visible=true").first().click();
    }

    protected static void signOut(Page page) {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("Sign out|退出登录"))).click();
        assertThat(page.locator("#sign-in-link")).isVisible();
    }
}
