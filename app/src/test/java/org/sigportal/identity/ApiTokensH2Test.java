package org.sigportal.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.base.ApiScope;
import org.sigportal.support.H2Database;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal API tokens over real HTTP: they act as their owner within their scopes until revoked or expired. */
@H2Database
class ApiTokensH2Test {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

    String owner;
    PortalHttpClient client;

    @BeforeEach
    void member() {
        owner = TestAccounts.uniqueUsername("tok");
        accounts.signUp(new SignUpRequest(owner, "Token owner", owner + "@example.org", "token-password-1"));
        client = new PortalHttpClient(port);
    }

    private <T> T asOwner(Supplier<T> action) {
        return SignedIn.as(owner, action, "ROLE_MEMBER", "SCOPE_read", "SCOPE_operate", "SCOPE_community-write");
    }

    private CreatedApiToken create(Set<ApiScope> scopes) {
        return asOwner(() -> tokens.create("ci script", scopes, 30));
    }

    @Test
    void aTokenActsAsItsOwnerWithoutASession() {
        CreatedApiToken token = create(Set.of(ApiScope.READ));

        HttpResponse<String> me = client.withToken("GET", "/api/v1/me", token.secret(), null);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + owner + "\"");
        assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(asOwner(() -> tokens.myTokens())).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
    }

    @Test
    void aTokenCanDoNoMoreThanItsScopes() {
        CreatedApiToken readOnly = create(Set.of(ApiScope.READ));
        CreatedApiToken writer = create(Set.of(ApiScope.READ, ApiScope.COMMUNITY_WRITE));
        String body = "{\"replies\":false,\"mentions\":true,\"watched\":false,\"emailDigest\":\"WEEKLY\"}";

        HttpResponse<String> refused = client.withToken("PUT", "/api/v1/me/notification-preferences",
                readOnly.secret(), body);
        HttpResponse<String> allowed = client.withToken("PUT", "/api/v1/me/notification-preferences",
                writer.secret(), body);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You are not allowed to do this");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"emailDigest\":\"WEEKLY\"");
    }

    @Test
    void badInputThroughTheApiGetsAClearMessageNotAServerError() {
        CreatedApiToken writer = create(Set.of(ApiScope.READ, ApiScope.COMMUNITY_WRITE));
        HttpResponse<String> broken = client.withToken("PUT", "/api/v1/me/notification-preferences",
                writer.secret(), "{\"emailDigest\":\"HOURLY\"");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("could not be read");
    }

    @Test
    void revokingATokenRefusesItsNextRequest() {
        CreatedApiToken token = create(Set.of(ApiScope.READ));
        assertThat(client.withToken("GET", "/api/v1/me", token.secret(), null).statusCode()).isEqualTo(200);

        asOwner(() -> {
            tokens.revoke(token.token().id());
            return null;
        });

        HttpResponse<String> after = client.withToken("GET", "/api/v1/me", token.secret(), null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("invalid, expired or revoked");
    }

    @Test
    void anExpiredTokenIsRefused() {
        CreatedApiToken token = create(Set.of(ApiScope.READ));
        jdbc.update("UPDATE api_token SET expires_at = created_at WHERE id = ?", token.token().id());

        assertThat(client.withToken("GET", "/api/v1/me", token.secret(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void disablingTheOwnerRefusesTheirTokens() {
        CreatedApiToken token = create(Set.of(ApiScope.READ));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            accounts.setEnabled(owner, accounts.findByUsername(owner).orElseThrow().version(), false);
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(client.withToken("GET", "/api/v1/me", token.secret(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAHashIsStoredAndGuessesAreRefused() {
        CreatedApiToken token = create(Set.of(ApiScope.READ));
        String stored = jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?", String.class,
                token.token().id());

        assertThat(stored).hasSize(64).doesNotContain(token.secret().substring(5));
        assertThat(token.token().prefix()).isEqualTo(token.secret().substring(0, 12));
        assertThat(client.withToken("GET", "/api/v1/me", token.secret() + "x", null).statusCode()).isEqualTo(401);
        assertThat(client.withToken("GET", "/api/v1/me", "not-a-token", null).statusCode()).isEqualTo(401);
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void tokenCreationValidatesItsInput() {
        assertThatThrownBy(() -> asOwner(() -> tokens.create(" ", Set.of(ApiScope.READ), 30)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> asOwner(() -> tokens.create("x", Set.of(), 30)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scopes"));
        assertThatThrownBy(() -> asOwner(() -> tokens.create("x", Set.of(ApiScope.READ), 366)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expiry"));
    }

    @Test
    void aTokenCannotMintAnotherToken() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                owner, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER", "SCOPE_read", "TOKEN")));
        try {
            assertThatThrownBy(() -> tokens.create("child", Set.of(ApiScope.READ), 30))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
