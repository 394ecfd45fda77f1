package org.sigportal.discussion;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/** An earlier text of a post (and of the thread's title, for an opening post), replaced by an edit. */
public record PostRevision(int revision, String body, @Nullable String title, String editedBy,
                           OffsetDateTime replacedAt) {
}
