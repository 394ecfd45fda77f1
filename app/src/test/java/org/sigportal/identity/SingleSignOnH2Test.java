package org.sigportal.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sigportal.base.Roles;
import org.sigportal.support.H2Database;
import org.sigportal.support.MockOidc;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sigportal.support.PortalHttpClient.location;

/**
 * The authorization-code flow over real HTTP against a real OpenID Connect server: accounts are created,
 * linked and mapped as promised, and every tampered or invalid answer is refused with a clear reason.
 */
@H2Database
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnH2Test {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;

    PortalHttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new PortalHttpClient(port);
    }

    /** Runs the whole flow; the two operators let a test tamper with what travels through the browser. */
    private HttpResponse<String> signIn(String registration, UnaryOperator<String> authorizeTamper,
                                        UnaryOperator<String> callbackTamper) {
        HttpResponse<String> start = browser.get("/oauth2/authorization/" + registration);
        assertThat(start.statusCode()).isEqualTo(302);
        HttpResponse<String> provider = browser.getAbsolute(authorizeTamper.apply(location(start)));
        assertThat(provider.statusCode()).isEqualTo(302);
        assertThat(location(provider)).contains("/login/oauth2/code/" + registration);
        return browser.getAbsolute(callbackTamper.apply(location(provider)));
    }

    private HttpResponse<String> signIn(String registration) {
        if ("plain".equals(registration)) {
            return signIn(registration, SingleSignOnH2Test::withOpenIdScope, UnaryOperator.identity());
        }
        return signIn(registration, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * The test server's authorization endpoint speaks only OpenID Connect, so for the plain OAuth2 provider the
     * test adds {@code openid} to the scope on the way; the portal still runs its plain OAuth2 path (code
     * exchange with PKCE, then the user-info endpoint) and ignores the ID token it does not ask for.
     */
    private static String withOpenIdScope(String authorize) {
        return authorize.replace("scope=profile", "scope=openid%20profile");
    }

    private static Map<String, Object> claims(String username, String email, boolean verified, List<String> groups) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", username);
        claims.put("name", "Name of " + username);
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("groups", groups);
        claims.put("locale", "zh-CN");
        return claims;
    }

    private String me() {
        HttpResponse<String> me = browser.get("/api/v1/me");
        return me.statusCode() == 200 ? me.body() : "HTTP " + me.statusCode();
    }


    @Test
    void aFirstSignInCreatesAMemberWithMappedRolesAndANewSession(CapturedOutput output) {
        String name = TestAccounts.uniqueUsername("sso");
        MockOidc.nextSignIn("sig", "subject-" + name, claims(name, name + "@example.org", true,
                List.of("fleet-operators", "unrelated-group")), 3600);
        browser.get("/login");
        String sessionBefore = browser.sessionId().orElseThrow();

        HttpResponse<String> start = browser.get("/oauth2/authorization/mock");
        String authorize = location(start);
        assertThat(authorize).contains("code_challenge_method=S256").contains("code_challenge=")
                .contains("state=").contains("nonce=");
        HttpResponse<String> provider = browser.getAbsolute(authorize);
        HttpResponse<String> done = browser.getAbsolute(location(provider));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(location(done)).doesNotContain("error");
        assertThat(browser.sessionId()).get().isNotEqualTo(sessionBefore);
        assertThat(me()).contains("\"username\":\"" + name + "\"").contains("Name of " + name)
                .contains(Roles.OPERATOR).contains(Roles.MEMBER).doesNotContain(Roles.ADMIN);
        UserAccount account = accounts.findByUsername(name).orElseThrow();
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.locale()).isEqualTo("zh-CN");
        // Tokens (JWTs all start with "eyJ") never reach the log.
        assertThat(output.getAll()).doesNotContain("eyJ");
    }

    @Test
    void aTamperedStateIsRefused() {
        // No answer is queued: the portal must stop before it ever asks the provider for tokens.
        HttpResponse<String> done = signIn("mock", UnaryOperator.identity(),
                callback -> callback.replaceAll("state=[^&]+", "state=forged-state"));

        assertThat(location(done)).endsWith("/login?sso-error=state");
        assertThat(me()).isEqualTo("HTTP 401");
        assertThat(accounts.findByUsername("state-user")).isEmpty();
    }

    @Test
    void aTamperedNonceIsRefused() {
        MockOidc.nextSignIn("sig", "subject-nonce", claims("nonce-user", "nonce@example.org", true, List.of()), 3600);
        HttpResponse<String> done = signIn("mock",
                authorize -> authorize.replaceAll("nonce=[^&]+", "nonce=forged-nonce"), UnaryOperator.identity());

        assertThat(location(done)).endsWith("/login?sso-error=token");
        assertThat(me()).isEqualTo("HTTP 401");
        assertThat(accounts.findByUsername("nonce-user")).isEmpty();
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        Map<String, Object> claims = claims("issuer-user", "issuer@example.org", true, List.of());
        claims.put("iss", "http://localhost:1/not-the-configured-issuer");
        MockOidc.nextSignIn("sig", "subject-issuer", claims, 3600);

        assertThat(location(signIn("mock"))).endsWith("/login?sso-error=token");
        assertThat(accounts.findByUsername("issuer-user")).isEmpty();
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        Map<String, Object> claims = claims("audience-user", "audience@example.org", true, List.of());
        claims.put("aud", List.of("some-other-client"));
        MockOidc.nextSignIn("sig", "subject-audience", claims, 3600);

        assertThat(location(signIn("mock"))).endsWith("/login?sso-error=token");
        assertThat(accounts.findByUsername("audience-user")).isEmpty();
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Map<String, Object> claims = claims("expired-user", "expired@example.org", true, List.of());
        // Issued an hour ago, expired ten minutes ago (beyond any clock-skew allowance).
        claims.put("iat", java.util.Date.from(java.time.Instant.now().minusSeconds(3600)));
        claims.put("nbf", java.util.Date.from(java.time.Instant.now().minusSeconds(3600)));
        MockOidc.nextSignIn("sig", "subject-expired", claims, -600);

        assertThat(location(signIn("mock"))).endsWith("/login?sso-error=token");
        assertThat(accounts.findByUsername("expired-user")).isEmpty();
        assertThat(me()).isEqualTo("HTTP 401");
    }

    @Test
    void anotherProviderVouchingForTheSameVerifiedEmailSignsInToTheSameAccount() {
        String name = TestAccounts.uniqueUsername("both");
        String email = name + "@example.org";
        MockOidc.nextSignIn("sig", "first-" + name, claims(name, email, true, List.of()), 3600);
        signIn("mock");
        browser = new PortalHttpClient(port);
        MockOidc.nextSignIn("other", "second-" + name, claims(name + "-elsewhere", email, true, List.of()), 3600);

        signIn("mock2");

        assertThat(me()).contains("\"username\":\"" + name + "\"");
        assertThat(accounts.findByUsername(name + "-elsewhere")).isEmpty();
    }

    @Test
    void anUnverifiedEmailOfAnExistingAccountIsNotEnoughToLink() {
        String name = TestAccounts.uniqueUsername("local");
        accounts.signUp(new SignUpRequest(name, "Local", name + "@example.org", "local-password-1"));
        MockOidc.nextSignIn("other", "unverified-" + name, claims(name + "-sso", name + "@example.org", false,
                List.of()), 3600);

        assertThat(location(signIn("mock2"))).endsWith("/login?sso-error=email_in_use");
        assertThat(me()).isEqualTo("HTTP 401");
    }

    @Test
    void aSignedInUserLinksAProviderExplicitlyFromTheirProfile() {
        String name = TestAccounts.uniqueUsername("linker");
        accounts.signUp(new SignUpRequest(name, "Linker", name + "@example.org", "local-password-1"));
        browser.signIn(name, "local-password-1");
        MockOidc.nextSignIn("plain", "plain-" + name, Map.of("preferred_username", "someone-else",
                "email", "different-" + name + "@example.org"), 3600);

        HttpResponse<String> link = browser.get("/sso/link/plain");
        assertThat(location(link)).endsWith("/oauth2/authorization/plain");
        HttpResponse<String> linked = signIn("plain");
        assertThat(location(linked)).doesNotContain("error");

        assertThat(me()).contains("\"username\":\"" + name + "\"");
        // The plain OAuth2 provider now signs in to the same account.
        browser = new PortalHttpClient(port);
        MockOidc.nextSignIn("plain", "plain-" + name, Map.of("preferred_username", "someone-else"), 3600);
        HttpResponse<String> again = signIn("plain");
        assertThat(location(again)).doesNotContain("error");
        assertThat(me()).contains("\"username\":\"" + name + "\"");
        assertThat(accounts.findByUsername("someone-else")).isEmpty();
    }

    @Test
    void mappedRolesFollowTheProviderWhilePortalGrantsStay() {
        String name = TestAccounts.uniqueUsername("mapped");
        MockOidc.nextSignIn("sig", "mapped-" + name, claims(name, name + "@example.org", true,
                List.of("fleet-operators")), 3600);
        signIn("mock");
        UserAccount account = accounts.findByUsername(name).orElseThrow();
        SignedIn.asAdmin(() -> accounts.changeRoles(name, account.version(), Set.of(Roles.OPERATOR, Roles.CONTRIBUTOR)));

        browser = new PortalHttpClient(port);
        MockOidc.nextSignIn("sig", "mapped-" + name, claims(name, name + "@example.org", true,
                List.of("sig-maintainers")), 3600);
        signIn("mock");

        assertThat(accounts.findByUsername(name).orElseThrow().roles())
                .containsExactlyInAnyOrder(Roles.MEMBER, Roles.CONTRIBUTOR, Roles.MAINTAINER);
    }

    @Test
    void aDisabledAccountCannotSignInWithAProvider() {
        String name = TestAccounts.uniqueUsername("off");
        MockOidc.nextSignIn("sig", "off-" + name, claims(name, name + "@example.org", true, List.of()), 3600);
        signIn("mock");
        SignedIn.asAdmin(() -> accounts.setEnabled(name, accounts.findByUsername(name).orElseThrow().version(), false));
        assertThat(me()).isEqualTo("HTTP 401");

        browser = new PortalHttpClient(port);
        MockOidc.nextSignIn("sig", "off-" + name, claims(name, name + "@example.org", true, List.of()), 3600);
        assertThat(location(signIn("mock"))).endsWith("/login?sso-error=account_disabled");
    }

    @Test
    void theSignInPageOffersTheConfiguredProviders() {
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Exception");
    }
}
