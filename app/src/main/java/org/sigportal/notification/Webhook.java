package org.sigportal.notification;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * An outgoing webhook as admins see it: never its secret. {@code lastDeliveryStatus} is the HTTP status or the
 * error of the latest delivery (after its retries).
 */
public record Webhook(long id, String url, Set<WebhookEvent> events, boolean enabled, OffsetDateTime createdAt,
                      @Nullable String createdBy, @Nullable OffsetDateTime lastDeliveryAt,
                      @Nullable Boolean lastDeliveryOk, @Nullable String lastDeliveryStatus, int version) {
}
