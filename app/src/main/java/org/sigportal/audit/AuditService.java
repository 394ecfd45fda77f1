package org.sigportal.audit;

import org.jspecify.annotations.Nullable;
import org.sigportal.audit.internal.JooqAuditRepository;
import org.sigportal.base.CurrentActor;
import org.sigportal.base.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The audit trail every state-changing operation writes to. A success is written in the caller's
 * transaction (it exists exactly when the change does); a failure or refusal in its own transaction, so it
 * survives the caller's rollback.
 */
@Service
public class AuditService {

    /** Longest detail kept; longer texts are cut with an ellipsis rather than refused. */
    static final int MAX_DETAIL = 2000;

    private final JooqAuditRepository repository;
    private final Clock clock;

    AuditService(JooqAuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Records a successful operation by the current user, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void success(String action, @Nullable String targetType, @Nullable String targetId,
                        @Nullable String detail) {
        write(CurrentActor.nameOrAnonymous(), action, targetType, targetId, AuditOutcome.SUCCESS, detail);
    }

    /** Records a failed or refused operation; commits even when the caller's transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(String action, @Nullable String targetType, @Nullable String targetId,
                        AuditOutcome outcome, @Nullable String detail) {
        write(CurrentActor.nameOrAnonymous(), action, targetType, targetId, outcome, detail);
    }

    /** Records an operation done on behalf of a named actor (the system at start-up, a sign-in attempt). */
    @Transactional
    public void recordAs(String actor, String action, @Nullable String targetType, @Nullable String targetId,
                         AuditOutcome outcome, @Nullable String detail) {
        write(actor, action, targetType, targetId, outcome, detail);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return repository.find(filter, offset, Math.min(limit, 500));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public int count(AuditFilter filter) {
        return repository.count(filter);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<String> actions() {
        return repository.distinctActions();
    }

    private void write(String actor, String action, @Nullable String targetType, @Nullable String targetId,
                       AuditOutcome outcome, @Nullable String detail) {
        String cut = detail == null || detail.length() <= MAX_DETAIL ? detail
                : detail.substring(0, MAX_DETAIL - 1) + "…";
        repository.insert(OffsetDateTime.now(clock), actor, action, targetType, targetId, outcome, cut);
    }
}
