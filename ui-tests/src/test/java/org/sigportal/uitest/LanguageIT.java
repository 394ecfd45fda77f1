package org.sigportal.uitest;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The language follows the browser, can be switched, and the choice is remembered. */
class LanguageIT extends PortalBrowserTest {

    @Test
    void aChineseBrowserGetsChineseAndTheSwitchIsRemembered() {
        Page chinese = newPage("zh-CN");
        chinese.navigate("/");
        assertThat(chinese.locator("#home-title")).hasText("云原生 SIG 门户");
        assertThat(chinese.locator("html")).hasAttribute("lang", "zh-CN");

        chinese.locator("#language-switch").click();

        assertThat(chinese.locator("#home-title")).hasText("Cloud Native SIG Portal");
        chinese.reload();
        assertThat(chinese.locator("#home-title")).hasText("Cloud Native SIG Portal");
        assertThat(chinese.locator("#language-switch")).containsText("中文");
    }

    @Test
    void aSignedInUsersChoiceFollowsThemToAnotherBrowser() {
        signInAsAdmin(page);
        page.locator("#language-switch").click();
        assertThat(page.locator("#home-title")).containsText("欢迎");
        assertThat(page.locator("#nav-admin")).containsText("审计日志");

        Page elsewhere = newPage("en-US");
        signIn(elsewhere, "admin", portal.adminPassword());

        assertThat(elsewhere.locator("#home-title")).containsText("欢迎");
        elsewhere.locator("#language-switch").click();
        assertThat(elsewhere.locator("#home-title")).containsText("Welcome");
    }
}
