package org.sigportal.notification;

import org.junit.jupiter.api.Test;
import org.sigportal.base.ApiScope;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.NewThread;
import org.sigportal.identity.ApiTokenService;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.H2Database;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications, subscriptions and webhooks over real HTTP with API tokens and their scopes. */
@H2Database
class NotificationApiH2Test {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    DiscussionService discussions;

    @Test
    void membersReadWithReadAndChangeWithCommunityWriteAndOnlyAdminsManageWebhooks() {
        String name = TestAccounts.uniqueUsername("api");
        accounts.signUp(new SignUpRequest(name, "Api Member", name + "@example.org", "member-password-1"));
        String read = NotificationContract.as(name, () -> tokens.create("reader", Set.of(ApiScope.READ), 1))
                .secret();
        String write = NotificationContract.as(name, () -> tokens.create("writer",
                Set.of(ApiScope.READ, ApiScope.COMMUNITY_WRITE), 1)).secret();
        PortalHttpClient http = new PortalHttpClient(port);

        String slug = "api-" + TestAccounts.uniqueUsername("c").replaceAll("[^a-z0-9]", "");
        long category = SignedIn.asAdmin(() -> discussions.createCategory(slug, "Api " + slug, null)).id();
        String watch = "{\"kind\": \"CATEGORY\", \"target\": \"" + category + "\"}";
        assertThat(http.withToken("PUT", "/api/v1/notifications/subscriptions", read, watch).statusCode())
                .isEqualTo(403);
        HttpResponse<String> watched = http.withToken("PUT", "/api/v1/notifications/subscriptions", write, watch);
        assertThat(watched.statusCode()).isEqualTo(200);
        assertThat(watched.body()).contains("\"CATEGORY\"", "\"" + category + "\"");

        SignedIn.asAdmin(() -> discussions.startThread(new NewThread(category, "Over the API", "hello", List.of())));
        HttpResponse<String> unread = http.withToken("GET", "/api/v1/notifications?unread=true", read, null);
        assertThat(unread.statusCode()).isEqualTo(200);
        assertThat(unread.body()).contains("\"NEW_THREAD\"", "Over the API", "\"link\"");
        assertThat(http.withToken("GET", "/api/v1/notifications/unread-count", read, null).body())
                .isEqualTo("{\"unread\":1}");
        assertThat(http.withToken("POST", "/api/v1/notifications/read-all", read, null).statusCode()).isEqualTo(403);
        assertThat(http.withToken("POST", "/api/v1/notifications/read-all", write, null).body())
                .isEqualTo("{\"marked\":1}");
        assertThat(http.withToken("DELETE", "/api/v1/notifications/subscriptions/CATEGORY/" + category, write, null)
                .statusCode()).isEqualTo(204);
        assertThat(http.withToken("GET", "/api/v1/notifications/subscriptions", read, null).body()).isEqualTo("[]");

        assertThat(http.withToken("GET", "/api/v1/admin/webhooks", write, null).statusCode()).isEqualTo(403);
        String admin = SignedIn.asAdmin(() -> tokens.create("hooks", Set.of(ApiScope.READ,
                ApiScope.COMMUNITY_WRITE), 1)).secret();
        HttpResponse<String> refused = http.withToken("POST", "/api/v1/admin/webhooks", admin,
                "{\"url\": \"ftp://example.org/hook\", \"events\": [\"post.created\"]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Only http:// and https:// addresses can receive webhooks.", "\"url\"");
        HttpResponse<String> unknown = http.withToken("POST", "/api/v1/admin/webhooks", admin,
                "{\"url\": \"https://example.org/hook\", \"events\": [\"post.deleted\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("post.deleted");
    }
}
