package org.sigportal.discussion;

import java.time.OffsetDateTime;

/** A post members flagged, waiting in the moderation queue (one entry per flag). */
public record FlaggedPost(long flagId, long postId, long threadId, String threadTitle, String postAuthor,
                          String excerpt, String reporter, String reason, OffsetDateTime flaggedAt,
                          boolean postHidden) {
}
