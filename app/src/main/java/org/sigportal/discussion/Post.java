package org.sigportal.discussion;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/**
 * A post as shown: the Markdown as written (for editing and quoting) and its sanitised HTML (for showing).
 * {@code revisions} counts the earlier texts kept in the edit history.
 */
public record Post(long id, long threadId, String authorUsername, String authorDisplayName, boolean opening,
                   String body, String html, @Nullable Long quotedPostId, boolean hidden, OffsetDateTime createdAt,
                   @Nullable OffsetDateTime editedAt, int revisions, int version) {
}
