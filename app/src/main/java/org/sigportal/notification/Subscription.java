package org.sigportal.notification;

import java.time.OffsetDateTime;

/** Something a member watches; {@code target} is the thread's or category's id, or the tag. */
public record Subscription(SubscriptionKind kind, String target, OffsetDateTime createdAt) {
}
