package org.sigportal.audit;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/** One line of the audit trail: who did what to which target, when, and how it ended. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action,
                         @Nullable String targetType, @Nullable String targetId,
                         AuditOutcome outcome, @Nullable String detail) {
}
