package org.sigportal.notification.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.sigportal.notification.CreatedWebhook;
import org.sigportal.notification.Webhook;
import org.sigportal.notification.WebhookEvent;
import org.sigportal.notification.WebhookService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** Outgoing webhooks for admins: list (read scope), add and remove (community-write), all audited. */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
@Tag(name = "Webhooks", description = "Outgoing webhooks for new threads and posts (admins)")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** A webhook as the API shows it: events by their ids ({@code thread.created}, {@code post.created}). */
    record WebhookView(long id, String url, List<String> events, boolean enabled, String createdAt,
                       @Nullable String createdBy, @Nullable String lastDeliveryAt, @Nullable Boolean lastDeliveryOk,
                       @Nullable String lastDeliveryStatus) {

        static WebhookView of(Webhook w) {
            return new WebhookView(w.id(), w.url(), w.events().stream().map(WebhookEvent::id).sorted().toList(),
                    w.enabled(), w.createdAt().toString(), w.createdBy(),
                    w.lastDeliveryAt() == null ? null : w.lastDeliveryAt().toString(), w.lastDeliveryOk(),
                    w.lastDeliveryStatus());
        }
    }

    @GetMapping
    List<WebhookView> list() {
        return webhooks.list().stream().map(WebhookView::of).toList();
    }

    /** A new webhook; {@code secret} empty or missing: one is generated. */
    record NewWebhook(String url, Set<String> events, @Nullable String secret) {

        /** Without the secret, should a request ever be logged. */
        @Override
        public String toString() {
            return "NewWebhook[url=" + url + ", events=" + events + ", secret="
                    + (secret == null ? "null" : "(redacted)") + "]";
        }
    }

    /** The webhook and its secret: shown only in this answer. */
    record Created(WebhookView webhook, String secret) {

        @Override
        public String toString() {
            return "Created[webhook=" + webhook + ", secret=(redacted)]";
        }
    }

    @Operation(summary = "Add a webhook", description = "Only http and https addresses. The answer carries the "
            + "shared secret that signs deliveries (X-Portal-Signature: sha256=<hex HMAC-SHA256 of the body>): it "
            + "is stored encrypted and never shown again.")
    @PostMapping
    ResponseEntity<Created> add(@RequestBody NewWebhook request) {
        Set<WebhookEvent> events = request.events() == null ? Set.of() : request.events().stream()
                .map(id -> WebhookEvent.fromId(id).orElseThrow(() -> WebhookService.unknownEvent(id)))
                .collect(java.util.stream.Collectors.toSet());
        CreatedWebhook created = webhooks.add(request.url(), events, request.secret());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(WebhookView.of(created.webhook()), created.secret()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        webhooks.remove(id);
        return ResponseEntity.noContent().build();
    }
}
