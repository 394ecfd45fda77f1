package org.sigportal.notification;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditEntry;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditService;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.NewThread;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.Eventually;
import org.sigportal.support.H2Database;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outgoing webhooks against a real HTTP server on this machine: signed deliveries after commit that the
 * receiver verifies with the shared secret, the secret encrypted at rest, retries, refusals, the audit trail.
 */
@H2Database
class WebhookH2Test {

    /** One request as the receiver saw it. */
    record Received(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse("");
        }
    }

    @Autowired
    WebhookService webhooks;
    @Autowired
    DiscussionService discussions;
    @Autowired
    UserAccountService accounts;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    HttpServer server;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final AtomicInteger flakyCalls = new AtomicInteger();
    String member;
    long category;

    @BeforeEach
    void receiverAndMember() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // Fails the first call, then accepts: the delivery is retried.
        server.createContext("/flaky", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(flakyCalls.incrementAndGet() == 1 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        member = TestAccounts.uniqueUsername("hook");
        accounts.signUp(new SignUpRequest(member, "Hook Member", member + "@example.org", "member-password-1"));
        String slug = "wh-" + TestAccounts.uniqueUsername("c").replaceAll("[^a-z0-9]", "");
        category = SignedIn.asAdmin(() -> discussions.createCategory(slug, "Webhook SIG " + slug, null)).id();
    }

    @AfterEach
    void stop() {
        SignedIn.asAdmin(() -> {
            webhooks.list().forEach(w -> webhooks.remove(w.id()));
            return null;
        });
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private <T> T asMember(java.util.function.Supplier<T> action) {
        return SignedIn.as(member, action, "ROLE_MEMBER", "SCOPE_read", "SCOPE_community-write");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void deliveriesAreSignedWithTheSecretThatIsStoredOnlyEncrypted() throws Exception {
        CreatedWebhook created = SignedIn.asAdmin(() -> webhooks.add(base() + "/hook?source=portal",
                Set.of(WebhookEvent.THREAD_CREATED, WebhookEvent.POST_CREATED), null));
        String secret = created.secret();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        String stored = jdbc.queryForObject("SELECT secret FROM webhook WHERE id = ?", String.class,
                created.webhook().id());
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));
        assertThat(created.webhook().createdBy()).isEqualTo("admin");

        long thread = asMember(() -> discussions.startThread(new NewThread(category, "Confidential containers",
                "A private **body** that does not leave the portal", List.of("coco"))));
        Received delivery = received.poll(10, TimeUnit.SECONDS);
        assertThat(delivery).as("the thread.created delivery").isNotNull();
        assertThat(delivery.header("X-Portal-Signature")).isEqualTo(hmac(secret, delivery.body()));
        assertThat(delivery.header("X-Portal-Event")).isEqualTo("thread.created");
        assertThat(delivery.header("X-Portal-Delivery")).hasSize(36);
        assertThat(delivery.header("Content-Type")).startsWith("application/json");
        JsonNode json = JsonMapper.builder().build().readTree(delivery.body());
        assertThat(json.get("event").asString()).isEqualTo("thread.created");
        assertThat(json.get("deliveryId").asString()).isEqualTo(delivery.header("X-Portal-Delivery"));
        assertThat(json.get("threadId").asLong()).isEqualTo(thread);
        assertThat(json.get("title").asString()).isEqualTo("Confidential containers");
        assertThat(json.get("author").asString()).isEqualTo(member);
        assertThat(json.get("path").asString()).startsWith("/discuss/t/" + thread + "#post-");
        assertThat(json.has("timestamp")).isTrue();
        assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).doesNotContain("private", "example.org");

        long reply = asMember(() -> discussions.reply(thread, "a reply", null));
        Received second = received.poll(10, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        assertThat(second.header("X-Portal-Event")).isEqualTo("post.created");
        assertThat(second.header("X-Portal-Signature")).isEqualTo(hmac(secret, second.body()))
                .isNotEqualTo(hmac(secret + "x", second.body()));
        assertThat(JsonMapper.builder().build().readTree(second.body()).get("postId").asLong()).isEqualTo(reply);

        Eventually.within(Duration.ofSeconds(5), "the delivery recorded", () -> SignedIn.asAdmin(() ->
                webhooks.list()).stream().anyMatch(w -> w.id() == created.webhook().id()
                && Boolean.TRUE.equals(w.lastDeliveryOk()) && "HTTP 204".equals(w.lastDeliveryStatus())));

        // Removing is audited; no more deliveries.
        SignedIn.asAdmin(() -> {
            webhooks.remove(created.webhook().id());
            return null;
        });
        asMember(() -> discussions.reply(thread, "nobody hears this", null));
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        List<AuditEntry> trail = SignedIn.asAdmin(() -> audit.find(new AuditFilter(null, null, null, null, null,
                String.valueOf(created.webhook().id())), 0, 50));
        assertThat(trail).filteredOn(e -> "webhook".equals(e.targetType())
                        && String.valueOf(created.webhook().id()).equals(e.targetId()))
                .extracting(AuditEntry::action).contains("webhook.create", "webhook.delete")
                .allSatisfy(a -> assertThat(a).doesNotContain(secret));
        assertThat(trail).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(secret));
    }

    @Test
    void aFailedDeliveryIsRetriedAndAGivenSecretIsUsed() throws Exception {
        String secret = "our-own-shared-secret-1234";
        CreatedWebhook flaky = SignedIn.asAdmin(() -> webhooks.add(base() + "/flaky",
                Set.of(WebhookEvent.THREAD_CREATED), secret));
        assertThat(flaky.secret()).isEqualTo(secret);
        CreatedWebhook repliesOnly = SignedIn.asAdmin(() -> webhooks.add(base() + "/hook",
                Set.of(WebhookEvent.POST_CREATED), "another-shared-secret-99"));

        asMember(() -> discussions.startThread(new NewThread(category, "Retry me", "body", List.of())));
        Eventually.within(Duration.ofSeconds(10), "the retried delivery", () -> SignedIn.asAdmin(() ->
                webhooks.list()).stream().anyMatch(w -> w.id() == flaky.webhook().id()
                && Boolean.TRUE.equals(w.lastDeliveryOk())));
        assertThat(flakyCalls).hasValue(2);
        assertThat(SignedIn.asAdmin(() -> webhooks.list())).filteredOn(w -> w.id() == flaky.webhook().id())
                .singleElement().satisfies(w -> assertThat(w.lastDeliveryStatus()).isEqualTo("HTTP 200, 2 attempts"));
        // The other webhook wants replies only.
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(repliesOnly.webhook().events()).containsExactly(WebhookEvent.POST_CREATED);
    }

    @Test
    void onlyAdminsManageWebhooksAndOnlyHttpAddressesAreAccepted() {
        assertThatThrownBy(() -> asMember(() -> webhooks.list())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asMember(() -> webhooks.add(base() + "/hook", Set.of(WebhookEvent.POST_CREATED),
                null))).isInstanceOf(AccessDeniedException.class);

        for (String bad : List.of("ftp://example.org/hook", "javascript:alert(1)", "file:///etc/passwd",
                "gopher://example.org/")) {
            assertThatThrownBy(() -> SignedIn.asAdmin(() -> webhooks.add(bad, Set.of(WebhookEvent.POST_CREATED),
                    null))).as(bad).isInstanceOfSatisfying(NotificationException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("webhooks.error.scheme");
                        assertThat(e.field()).isEqualTo("url");
                    });
        }
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> webhooks.add("not a url", Set.of(WebhookEvent.POST_CREATED),
                null))).hasMessage("webhooks.error.url");
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> webhooks.add("https://user:pw@example.org/",
                Set.of(WebhookEvent.POST_CREATED), null))).hasMessage("webhooks.error.credentials");
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> webhooks.add("https://example.org/", Set.of(), null)))
                .hasMessage("webhooks.error.events");
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> webhooks.add("https://example.org/",
                Set.of(WebhookEvent.POST_CREATED), "short"))).hasMessage("webhooks.error.secret");
        assertThat(org.sigportal.base.i18n.PortalI18NProvider.translate("webhooks.error.scheme",
                java.util.Locale.ENGLISH)).contains("http://", "https://");
        assertThat(SignedIn.asAdmin(() -> webhooks.list())).isEmpty();
    }
}
