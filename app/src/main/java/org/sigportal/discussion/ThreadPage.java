package org.sigportal.discussion;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;

/** A page of threads and the cursor of the next page (null when there is none). */
public record ThreadPage(List<ThreadSummary> threads, @Nullable Cursor next) {

    /** Where a page ends: the last thread's activity time and id (keyset pagination, no offsets). */
    public record Cursor(OffsetDateTime lastActivityAt, long id) {

        /** A compact form for URLs and the REST API. */
        public String encode() {
            return lastActivityAt.toInstant().toEpochMilli() + "_" + id;
        }

        public static @Nullable Cursor decode(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.split("_", 2);
            try {
                return new Cursor(OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(Long.parseLong(parts[0])),
                        java.time.ZoneOffset.UTC), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw new org.sigportal.base.PortalException("discussions.error.cursor");
            }
        }
    }
}
