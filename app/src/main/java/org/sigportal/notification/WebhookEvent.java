package org.sigportal.notification;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook is called for: its id is the {@code X-Portal-Event} header and the {@code event} field. */
public enum WebhookEvent {
    THREAD_CREATED("thread.created"),
    POST_CREATED("post.created");

    private final String id;

    WebhookEvent(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<WebhookEvent> fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }
}
