package org.sigportal.support;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.List;
import java.util.Map;

/**
 * A real OpenID Connect / OAuth2 server over HTTP for the protocol tests (mock-oauth2-server, in this JVM,
 * started once per test run). Three registrations: {@code mock} and {@code mock2} (OpenID Connect, two issuers)
 * and {@code plain} (OAuth2 with a user-info endpoint, like GitHub or Gitee).
 */
public final class MockOidc {

    public static final String CLIENT_ID = "sig-portal-test";
    private static MockOAuth2Server server;

    private MockOidc() {
    }

    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    /** The next sign-in at {@code issuerId} returns these claims (and this expiry, in seconds). */
    public static void nextSignIn(String issuerId, String subject, Map<String, Object> claims, long expirySeconds) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(CLIENT_ID), claims,
                expirySeconds));
    }

    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            MockOAuth2Server s = server();
            String r = "spring.security.oauth2.client.registration.";
            String p = "spring.security.oauth2.client.provider.";
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    r + "mock.client-id=" + CLIENT_ID,
                    r + "mock.client-secret=test-secret",
                    r + "mock.client-name=Mock SSO",
                    r + "mock.scope=openid,profile,email",
                    p + "mock.issuer-uri=" + s.issuerUrl("sig"),
                    r + "mock2.client-id=" + CLIENT_ID,
                    r + "mock2.client-secret=test-secret",
                    r + "mock2.client-name=Other SSO",
                    r + "mock2.scope=openid,profile,email",
                    p + "mock2.issuer-uri=" + s.issuerUrl("other"),
                    r + "plain.client-id=" + CLIENT_ID,
                    r + "plain.client-secret=test-secret",
                    r + "plain.client-name=Plain OAuth2",
                    r + "plain.authorization-grant-type=authorization_code",
                    r + "plain.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                    r + "plain.scope=profile",
                    p + "plain.authorization-uri=" + s.authorizationEndpointUrl("plain"),
                    p + "plain.token-uri=" + s.tokenEndpointUrl("plain"),
                    p + "plain.user-info-uri=" + s.userInfoUrl("plain"),
                    p + "plain.user-name-attribute=sub",
                    "portal.sso.role-mapping.fleet-operators=OPERATOR",
                    "portal.sso.role-mapping.sig-maintainers=MAINTAINER");
        }
    }
}
