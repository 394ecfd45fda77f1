package org.sigportal.uitest;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A member starts a thread; an admin replies and mentions them in another browser; the member's bell counts the
 * notification without a reload and links to the reply.
 */
class NotificationIT extends PortalBrowserTest {

    @Test
    void aMentionReachesTheBellLiveAndLinksToThePost() {
        String name = "bell" + System.nanoTime() % 100_000;
        AdministrationIT.signUp(page, name, "bell-password-1");
        signIn(page, name, "bell-password-1");
        page.navigate("/discuss");
        page.locator("#new-thread").click();
        page.locator("#thread-title-field input").fill("Which runtime for untrusted builds?");
        page.locator("#thread-body textarea").fill("We run CI jobs from forks. runc, Kata or RunD?");
        page.locator("#create-thread").click();
        assertThat(page.locator("#thread-title")).hasText("Which runtime for untrusted builds?");
        page.waitForURL("**/discuss/t/*");
        String url = page.url();
        assertThat(page.locator("#notification-count")).not().isVisible();

        Page admin = newPage("en-US");
        signInAsAdmin(admin);
        admin.navigate(url);
        admin.locator("#reply-editor textarea").fill("@" + name + " RunD: each build gets its own lightweight VM.");
        admin.locator("#post-reply").click();
        assertThat(admin.locator("#posts")).containsText("each build gets its own lightweight VM");

        // Pushed to the member's open page.
        assertThat(page.locator("#notification-count")).hasText("1");
        page.locator("#notification-bell").click();
        assertThat(page.locator("#notification-list")).containsText("RunD");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/notifications.png")));
    }
}
