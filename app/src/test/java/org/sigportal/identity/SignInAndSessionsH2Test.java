package org.sigportal.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.base.Roles;
import org.sigportal.support.H2Database;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in over real HTTP: the session id changes, wrong passwords are refused, and account changes reach open sessions. */
@H2Database
class SignInAndSessionsH2Test {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;

    PortalHttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new PortalHttpClient(port);
    }

    private String newMember() {
        String name = TestAccounts.uniqueUsername("web");
        accounts.signUp(new SignUpRequest(name, "Web " + name, name + "@example.org", "web-password-123"));
        return name;
    }


    @Test
    void aWrongPasswordSendsTheBrowserBackToTheFormWithAnError() {
        String name = newMember();
        HttpResponse<String> response = browser.signIn(name, "not-the-password");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void signingInChangesTheSessionIdAndActsAsTheUser() {
        String name = newMember();
        browser.get("/login");
        String before = browser.sessionId().orElse("none");

        HttpResponse<String> response = browser.signIn(name, "web-password-123");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(browser.sessionId()).get().isNotEqualTo(before);
        HttpResponse<String> me = browser.get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + name + "\"").contains("MEMBER");
    }

    @Test
    void roleChangesReachAnOpenSessionOnItsNextRequest() {
        String name = newMember();
        browser.signIn(name, "web-password-123");
        assertThat(browser.get("/api/v1/me").body()).doesNotContain(Roles.OPERATOR);

        SignedIn.asAdmin(() -> accounts.changeRoles(name, accounts.findByUsername(name).orElseThrow().version(),
                Set.of(Roles.OPERATOR)));

        assertThat(browser.get("/api/v1/me").body()).contains(Roles.OPERATOR);
    }

    @Test
    void disablingAUserEndsTheirOpenSessionAndRefusesNewSignIns() {
        String name = newMember();
        browser.signIn(name, "web-password-123");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);

        SignedIn.asAdmin(() -> accounts.setEnabled(name, accounts.findByUsername(name).orElseThrow().version(), false));

        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        HttpResponse<String> again = new PortalHttpClient(port).signIn(name, "web-password-123");
        assertThat(again.headers().firstValue("Location")).get().asString().endsWith("/login?error");
    }

    @Test
    void healthProbesAndMetricsAreOpenToTheCluster() {
        assertThat(browser.get("/actuator/health/liveness").body()).contains("UP");
        assertThat(browser.get("/actuator/health/readiness").body()).contains("UP");
        HttpResponse<String> metrics = browser.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void protectedViewsSendAnonymousVisitorsToSignIn() {
        HttpResponse<String> response = browser.get("/admin/users");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void actuatorEndpointsBeyondHealthAndMetricsStayClosed() {
        assertThat(browser.get("/actuator/env").statusCode()).isIn(401, 403, 302, 404);
        assertThat(browser.get("/actuator/env").body()).doesNotContain("spring.datasource");
    }
}
