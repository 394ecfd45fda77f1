package org.sigportal.audit.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.sigportal.audit.AuditEntry;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditOutcome;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.sigportal.db.Tables.AUDIT_EVENT;

@Repository
public class JooqAuditRepository {

    private final DSLContext dsl;

    JooqAuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(OffsetDateTime at, String actor, String action, @Nullable String targetType,
                       @Nullable String targetId, AuditOutcome outcome, @Nullable String detail) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.TARGET_TYPE, targetType)
                .set(AUDIT_EVENT.TARGET_ID, targetId)
                .set(AUDIT_EVENT.OUTCOME, outcome.name())
                .set(AUDIT_EVENT.DETAIL, detail)
                .execute();
    }

    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(conditions(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AuditEntry(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(),
                        r.getTargetType(), r.getTargetId(), AuditOutcome.valueOf(r.getOutcome()), r.getDetail()));
    }

    public int count(AuditFilter filter) {
        return dsl.fetchCount(AUDIT_EVENT, conditions(filter));
    }

    public List<String> distinctActions() {
        return dsl.selectDistinct(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ACTION)
                .fetch(AUDIT_EVENT.ACTION);
    }

    private static List<Condition> conditions(AuditFilter f) {
        List<Condition> c = new ArrayList<>();
        if (notBlank(f.actor())) {
            c.add(DSL.lower(AUDIT_EVENT.ACTOR).contains(f.actor().trim().toLowerCase(Locale.ROOT)));
        }
        if (notBlank(f.action())) {
            c.add(AUDIT_EVENT.ACTION.eq(f.action()));
        }
        if (f.outcome() != null) {
            c.add(AUDIT_EVENT.OUTCOME.eq(f.outcome().name()));
        }
        if (f.from() != null) {
            c.add(AUDIT_EVENT.OCCURRED_AT.ge(f.from()));
        }
        if (f.to() != null) {
            c.add(AUDIT_EVENT.OCCURRED_AT.lt(f.to()));
        }
        if (notBlank(f.text())) {
            String t = f.text().trim().toLowerCase(Locale.ROOT);
            c.add(DSL.lower(AUDIT_EVENT.TARGET_ID).contains(t).or(DSL.lower(AUDIT_EVENT.DETAIL).contains(t)));
        }
        return c;
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
