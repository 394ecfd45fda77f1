package org.sigportal.audit;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/** What to look for in the audit trail; null or blank parts match everything. */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable AuditOutcome outcome,
                          @Nullable OffsetDateTime from, @Nullable OffsetDateTime to, @Nullable String text) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
