package org.sigportal.notification;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;

/**
 * One in-app notification: who did what in which thread, with a short plain-text excerpt of the post (never
 * HTML: whoever shows it escapes it).
 */
public record Notification(long id, NotificationKind kind, String actorUsername, String actorDisplayName,
                           long threadId, String threadTitle, long postId, String text, OffsetDateTime createdAt,
                           boolean read) {

    /** The post's address in the portal, relative to its root (also in the REST API's answers). */
    @JsonProperty("link")
    public String link() {
        return "discuss/t/" + threadId + "#post-" + postId;
    }
}
