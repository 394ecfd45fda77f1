package org.sigportal.discussion;

import java.time.OffsetDateTime;
import java.util.List;

/** A thread as lists show it; {@code unread} is for the signed-in member (always false for visitors). */
public record ThreadSummary(long id, long categoryId, String categorySlug, String categoryName, String title,
                            String authorUsername, String authorDisplayName, ThreadStatus status, boolean pinned,
                            boolean hidden, int replyCount, OffsetDateTime lastActivityAt, List<String> tags,
                            boolean unread, boolean demo, int version) {
}
