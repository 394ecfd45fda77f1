package org.sigportal.uitest;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A member creates a personal API token in their profile, sees it once, uses it, and revokes it. */
class ApiTokenIT extends PortalBrowserTest {

    private int callApi(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() throws Exception {
        String name = "api" + System.nanoTime() % 100_000;
        AdministrationIT.signUp(page, name, "api-password-1");
        signIn(page, name, "api-password-1");
        page.navigate("/account");

        page.locator("#create-token").click();
        page.locator("#token-name input").fill("nightly report");
        page.locator("#token-create-submit").click();
        String secret = page.locator("#token-secret input").inputValue();
        org.assertj.core.api.Assertions.assertThat(secret).startsWith("sigp_").hasSize(45);
        page.locator("#token-done").click();

        assertThat(page.locator("#token-grid")).containsText("nightly report");
        assertThat(page.locator("body")).not().containsText(secret);
        org.assertj.core.api.Assertions.assertThat(callApi(secret)).isEqualTo(200);
        page.reload();
        assertThat(page.locator("#token-grid")).not().containsText("Never");

        page.locator("#token-grid vaadin-button:has-text('Revoke') >> visible=true").first().click();
        confirm(page);
        assertThat(page.locator("#token-grid")).containsText("Revoked");
        org.assertj.core.api.Assertions.assertThat(callApi(secret)).isEqualTo(401);
    }

    @Test
    void theSignInPageExplainsARefusedProviderAnswerInTheUsersLanguage() {
        Page chinese = newPage("zh-CN");
        chinese.navigate("/login?sso-error=state");
        assertThat(chinese.locator("#login-problem")).containsText("登录请求已被篡改或已过期");
        page.navigate("/login?locked=7");
        assertThat(page.locator("#login-problem")).containsText("Try again in 7 minutes");
    }
}
