package org.sigportal.identity.internal;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.sigportal.db.Tables.PORTAL_IDENTITY_LINK;

@Repository
public class JooqIdentityLinkRepository {

    public record Link(long userId, String provider, String subject, @Nullable String email, OffsetDateTime linkedAt,
                       @Nullable OffsetDateTime lastSignInAt) {
    }

    private final DSLContext dsl;

    JooqIdentityLinkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Link> find(String provider, String subject) {
        return dsl.selectFrom(PORTAL_IDENTITY_LINK)
                .where(PORTAL_IDENTITY_LINK.PROVIDER.eq(provider)).and(PORTAL_IDENTITY_LINK.SUBJECT.eq(subject))
                .fetchOptional(r -> new Link(r.getUserId(), r.getProvider(), r.getSubject(), r.getEmail(),
                        r.getLinkedAt(), r.getLastSignInAt()));
    }

    public List<Link> forUser(long userId) {
        return dsl.selectFrom(PORTAL_IDENTITY_LINK).where(PORTAL_IDENTITY_LINK.USER_ID.eq(userId))
                .orderBy(PORTAL_IDENTITY_LINK.PROVIDER)
                .fetch(r -> new Link(r.getUserId(), r.getProvider(), r.getSubject(), r.getEmail(), r.getLinkedAt(),
                        r.getLastSignInAt()));
    }

    public boolean userHasProvider(long userId, String provider) {
        return dsl.fetchExists(PORTAL_IDENTITY_LINK, PORTAL_IDENTITY_LINK.USER_ID.eq(userId)
                .and(PORTAL_IDENTITY_LINK.PROVIDER.eq(provider)));
    }

    public void insert(long userId, String provider, String subject, @Nullable String email, OffsetDateTime now) {
        dsl.insertInto(PORTAL_IDENTITY_LINK)
                .set(PORTAL_IDENTITY_LINK.USER_ID, userId)
                .set(PORTAL_IDENTITY_LINK.PROVIDER, provider)
                .set(PORTAL_IDENTITY_LINK.SUBJECT, subject)
                .set(PORTAL_IDENTITY_LINK.EMAIL, email)
                .set(PORTAL_IDENTITY_LINK.LINKED_AT, now)
                .set(PORTAL_IDENTITY_LINK.LAST_SIGN_IN_AT, now)
                .execute();
    }

    public void touch(String provider, String subject, @Nullable String email, OffsetDateTime now) {
        dsl.update(PORTAL_IDENTITY_LINK)
                .set(PORTAL_IDENTITY_LINK.LAST_SIGN_IN_AT, now)
                .set(PORTAL_IDENTITY_LINK.EMAIL, email)
                .where(PORTAL_IDENTITY_LINK.PROVIDER.eq(provider)).and(PORTAL_IDENTITY_LINK.SUBJECT.eq(subject))
                .execute();
    }

    public int delete(long userId, String provider) {
        return dsl.deleteFrom(PORTAL_IDENTITY_LINK).where(PORTAL_IDENTITY_LINK.USER_ID.eq(userId))
                .and(PORTAL_IDENTITY_LINK.PROVIDER.eq(provider)).execute();
    }
}
