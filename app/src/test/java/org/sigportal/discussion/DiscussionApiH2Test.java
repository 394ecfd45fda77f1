package org.sigportal.discussion;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditService;
import org.sigportal.base.ApiScope;
import org.sigportal.identity.ApiTokenService;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.H2Database;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The discussions over real HTTP with API tokens: category management and what hidden posts keep to themselves. */
@H2Database
class DiscussionApiH2Test {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    DiscussionService discussions;
    @Autowired
    AuditService audit;

    PortalHttpClient http;
    String member;
    String memberToken;
    String adminToken;

    @BeforeEach
    void aMemberAndAnAdminWithTokens() {
        http = new PortalHttpClient(port);
        member = TestAccounts.uniqueUsername("rest");
        accounts.signUp(new SignUpRequest(member, "Rest Member", member + "@example.org", "member-password-1"));
        memberToken = SignedIn.as(member, () -> tokens.create("writer", Set.of(ApiScope.READ,
                ApiScope.COMMUNITY_WRITE), 1), "ROLE_MEMBER", "SCOPE_read", "SCOPE_community-write").secret();
        adminToken = SignedIn.asAdmin(() -> tokens.create("admin", Set.of(ApiScope.READ, ApiScope.COMMUNITY_WRITE),
                1)).secret();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void adminsCreateAndChangeCategoriesOverTheApiWithReadableRefusals() {
        String slug = "rest-" + Math.abs(System.nanoTime() % 1_000_000);
        String create = """
                {"slug": "%s", "name": "REST SIG", "description": "made over the API"}""".formatted(slug);
        assertThat(http.withToken("POST", "/api/v1/discussions/categories", memberToken, create).statusCode())
                .isEqualTo(403);
        HttpResponse<String> created = http.withToken("POST", "/api/v1/discussions/categories", adminToken, create);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode category = json(created);
        assertThat(category.get("slug").asString()).isEqualTo(slug);
        assertThat(category.get("description").asString()).isEqualTo("made over the API");
        long id = category.get("id").asLong();
        int version = category.get("version").asInt();

        String path = "/api/v1/discussions/categories/" + id;
        String change = """
                {"version": %d, "name": "REST and API SIG", "description": "changed over the API", "position": 3}"""
                .formatted(version);
        assertThat(http.withToken("PUT", path, memberToken, change).statusCode()).isEqualTo(403);
        HttpResponse<String> changed = http.withToken("PUT", path, adminToken, change);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).get("name").asString()).isEqualTo("REST and API SIG");
        assertThat(json(changed).get("position").asInt()).isEqualTo(3);
        assertThat(json(changed).get("version").asInt()).isEqualTo(version + 1);
        assertThat(discussions.categoryBySlug(slug).orElseThrow().description()).isEqualTo("changed over the API");
        assertThat(SignedIn.asAdmin(() -> audit.count(new AuditFilter("admin", "discussion.category.update", null,
                null, null, slug)))).isEqualTo(1);

        // The same version again: someone (we) changed it since.
        HttpResponse<String> stale = http.withToken("PUT", path, adminToken, change);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("error").asString()).isEqualTo("conflict");

        // Too long for the column: 400 naming the field, in words, not a 500.
        HttpResponse<String> tooLong = http.withToken("PUT", path, adminToken, """
                {"version": %d, "name": "REST SIG", "description": "%s"}""".formatted(version + 1, "d".repeat(1001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).get("field").asString()).isEqualTo("description");
        assertThat(json(tooLong).get("message").asString()).isEqualTo(
                "Keep the description to at most 1,000 characters.");
        HttpResponse<String> tooLongNew = http.withToken("POST", "/api/v1/discussions/categories", adminToken, """
                {"slug": "%s-2", "name": "REST SIG 2", "description": "%s"}""".formatted(slug, "d".repeat(1001)));
        assertThat(tooLongNew.statusCode()).isEqualTo(400);
        assertThat(json(tooLongNew).get("field").asString()).isEqualTo("description");
        HttpResponse<String> badSlug = http.withToken("POST", "/api/v1/discussions/categories", adminToken, """
                {"slug": "%s", "name": "REST SIG 3"}""".formatted("s".repeat(65)));
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(json(badSlug).get("field").asString()).isEqualTo("slug");

        HttpResponse<String> missing = http.withToken("PUT", "/api/v1/discussions/categories/" + Long.MAX_VALUE,
                adminToken, change);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("message").asString()).isEqualTo("This category does not exist.");
    }

    @Test
    void theHistoryOfAHiddenPostIsNotFoundForMembers() {
        long category = SignedIn.asAdmin(() -> discussions.createCategory("hist-" + Math.abs(System.nanoTime()
                % 1_000_000), "History", null)).id();
        long thread = SignedIn.asAdmin(() -> discussions.startThread(new NewThread(category, "History over REST",
                "opening", List.of())));
        long reply = SignedIn.asAdmin(() -> discussions.reply(thread, "the first text of a reply", null));
        SignedIn.asAdmin(() -> {
            discussions.editPost(reply, 0, "the second text", null);
            return null;
        });
        String path = "/api/v1/discussions/posts/" + reply + "/history";
        HttpResponse<String> visible = http.withToken("GET", path, memberToken, null);
        assertThat(visible.statusCode()).isEqualTo(200);
        assertThat(visible.body()).contains("the first text of a reply");

        SignedIn.asAdmin(() -> {
            discussions.hidePost(reply, true);
            return null;
        });
        HttpResponse<String> hidden = http.withToken("GET", path, memberToken, null);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("the first text of a reply").contains("This post does not exist.");
        assertThat(http.withToken("GET", path, adminToken, null).body()).contains("the first text of a reply");

        // A hidden thread hides the history of its posts too.
        SignedIn.asAdmin(() -> {
            discussions.hidePost(reply, false);
            discussions.hideThread(thread, true);
            return null;
        });
        assertThat(http.withToken("GET", path, memberToken, null).statusCode()).isEqualTo(404);
        assertThat(http.withToken("GET", path, adminToken, null).statusCode()).isEqualTo(200);
    }
}
