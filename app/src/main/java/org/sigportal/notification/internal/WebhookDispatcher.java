package org.sigportal.notification.internal;

import jakarta.annotation.PreDestroy;
import org.sigportal.base.secrets.CredentialCipher;
import org.sigportal.discussion.PostPublished;
import org.sigportal.notification.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Calls the webhooks after a thread or a reply is committed, off the request's thread: a JSON POST signed with
 * the webhook's secret ({@code X-Portal-Signature: sha256=<hex HMAC-SHA256 of the body>}), short time-outs, and
 * retries with growing waits on time-outs, connection errors and 5xx, 408 or 429 answers. The outcome of the
 * latest delivery is kept for the admin view; failures are logged with the webhook's id and host, never its
 * secret or its full address (which may carry a token).
 */
@Component
class WebhookDispatcher {

    static final String SIGNATURE = "X-Portal-Signature";
    static final String EVENT = "X-Portal-Event";
    static final String DELIVERY = "X-Portal-Delivery";

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JooqWebhookRepository webhooks;
    private final JooqNotificationRepository discussions;
    private final CredentialCipher cipher;
    private final WebhookProperties properties;
    private final PublicLinks links;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDispatcher(JooqWebhookRepository webhooks, JooqNotificationRepository discussions, CredentialCipher cipher,
                      WebhookProperties properties, PublicLinks links, Clock clock) {
        this.webhooks = webhooks;
        this.discussions = discussions;
        this.cipher = cipher;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PostPublished post) {
        try {
            executor.execute(() -> dispatch(post));
        } catch (RejectedExecutionException e) {
            log.debug("Shutting down: no webhook calls for post {}", post.postId());
        }
    }

    private void dispatch(PostPublished post) {
        try {
            // Hidden threads are for moderators: nothing of them leaves the portal.
            if (!discussions.threadVisible(post.threadId())) {
                return;
            }
            WebhookEvent event = post.opening() ? WebhookEvent.THREAD_CREATED : WebhookEvent.POST_CREATED;
            for (JooqWebhookRepository.Target target : webhooks.targets(event)) {
                executor.execute(() -> deliver(target, event, post));
            }
        } catch (RuntimeException e) {
            log.warn("Could not start the webhook calls for post {}", post.postId(), e);
        }
    }

    /** The JSON body: public facts only, in a fixed order. */
    byte[] payload(WebhookEvent event, String deliveryId, PostPublished post, OffsetDateTime at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.id());
        body.put("deliveryId", deliveryId);
        body.put("threadId", post.threadId());
        body.put("postId", post.postId());
        body.put("title", post.threadTitle());
        body.put("author", post.author());
        body.put("category", post.categorySlug());
        body.put("tags", post.tags());
        String path = PublicLinks.postPath(post.threadId(), post.postId());
        body.put("path", path);
        links.absolute(path).ifPresent(url -> body.put("url", url));
        body.put("timestamp", at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return JSON.writeValueAsBytes(body);
    }

    private void deliver(JooqWebhookRepository.Target target, WebhookEvent event, PostPublished post) {
        String host = host(target.url());
        try {
            String deliveryId = UUID.randomUUID().toString();
            byte[] body = payload(event, deliveryId, post, OffsetDateTime.now(clock));
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url())).timeout(properties.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "SIG-Portal-Webhook/1")
                    .header(EVENT, event.id()).header(DELIVERY, deliveryId)
                    .header(SIGNATURE, WebhookSignature.header(cipher.decrypt(target.sealedSecret()), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int attempts = 0;
            String status;
            boolean ok;
            while (true) {
                attempts++;
                boolean retry;
                try {
                    int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    status = "HTTP " + code;
                    ok = code >= 200 && code < 300;
                    retry = code >= 500 || code == 408 || code == 429;
                } catch (HttpTimeoutException e) {
                    status = "timed out";
                    ok = false;
                    retry = true;
                } catch (IOException e) {
                    status = "could not connect (" + e.getClass().getSimpleName() + ")";
                    ok = false;
                    retry = true;
                }
                if (ok || !retry || attempts > properties.retryDelays().size()) {
                    break;
                }
                sleep(properties.retryDelays().get(attempts - 1));
            }
            String outcome = attempts == 1 ? status : status + ", " + attempts + " attempts";
            webhooks.recordDelivery(target.id(), OffsetDateTime.now(clock), ok, outcome);
            if (!ok) {
                log.warn("Webhook {} ({}) failed for {} {}: {}", target.id(), host, event.id(), deliveryId, outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Webhook {} ({}) could not be called for post {}: {}", target.id(), host, post.postId(),
                    e.getClass().getSimpleName());
            try {
                webhooks.recordDelivery(target.id(), OffsetDateTime.now(clock), false,
                        "not sent (" + e.getClass().getSimpleName() + ")");
            } catch (RuntimeException ignored) {
                // the database is gone too: the log line above is all we can do
            }
        }
    }

    private static void sleep(Duration delay) throws InterruptedException {
        Thread.sleep(delay.toMillis());
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "?" : host;
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
