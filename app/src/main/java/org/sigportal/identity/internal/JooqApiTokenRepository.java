package org.sigportal.identity.internal;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.sigportal.base.ApiScope;
import org.sigportal.identity.ApiToken;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.sigportal.db.Tables.API_TOKEN;
import static org.sigportal.db.Tables.PORTAL_USER;

@Repository
public class JooqApiTokenRepository {

    /** What a request with a token needs: the token's state and its owner's. */
    public record TokenOwner(long tokenId, String username, boolean userEnabled, Set<ApiScope> scopes,
                             OffsetDateTime expiresAt, boolean revoked) {
    }

    private final DSLContext dsl;

    JooqApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(long userId, String name, String prefix, String hash, Set<ApiScope> scopes,
                       OffsetDateTime now, OffsetDateTime expiresAt) {
        return dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.USER_ID, userId)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_PREFIX, prefix)
                .set(API_TOKEN.TOKEN_HASH, hash)
                .set(API_TOKEN.SCOPES, scopes.stream().map(ApiScope::id).sorted().collect(Collectors.joining(" ")))
                .set(API_TOKEN.CREATED_AT, now)
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .returning(API_TOKEN.ID)
                .fetchOne(API_TOKEN.ID);
    }

    public List<ApiToken> forUser(long userId) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(userId)).orderBy(API_TOKEN.CREATED_AT.desc())
                .fetch(r -> new ApiToken(r.getId(), r.getName(), r.getTokenPrefix(), parse(r.getScopes()),
                        r.getCreatedAt(), r.getExpiresAt(), r.getLastUsedAt(), r.getRevokedAt()));
    }

    public Optional<ApiToken> find(long userId, long tokenId) {
        return forUser(userId).stream().filter(t -> t.id() == tokenId).findFirst();
    }

    public Optional<TokenOwner> byHash(String hash) {
        return dsl.select(API_TOKEN.ID, PORTAL_USER.USERNAME, PORTAL_USER.ENABLED, API_TOKEN.SCOPES,
                        API_TOKEN.EXPIRES_AT, API_TOKEN.REVOKED_AT)
                .from(API_TOKEN).join(PORTAL_USER).on(PORTAL_USER.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(hash))
                .fetchOptional(this::toOwner);
    }

    private TokenOwner toOwner(Record r) {
        return new TokenOwner(r.get(API_TOKEN.ID), r.get(PORTAL_USER.USERNAME), r.get(PORTAL_USER.ENABLED),
                parse(r.get(API_TOKEN.SCOPES)), r.get(API_TOKEN.EXPIRES_AT), r.get(API_TOKEN.REVOKED_AT) != null);
    }

    /** Records use at most once a minute, so a busy client does not write on every request. */
    public void touch(long tokenId, OffsetDateTime now) {
        dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, now)
                .where(API_TOKEN.ID.eq(tokenId))
                .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.lt(now.minusMinutes(1))))
                .execute();
    }

    public boolean revoke(long userId, long tokenId, OffsetDateTime now) {
        return dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, now)
                .where(API_TOKEN.ID.eq(tokenId)).and(API_TOKEN.USER_ID.eq(userId)).and(API_TOKEN.REVOKED_AT.isNull())
                .execute() == 1;
    }

    public int countActive(long userId, OffsetDateTime now) {
        return dsl.fetchCount(API_TOKEN, API_TOKEN.USER_ID.eq(userId).and(API_TOKEN.REVOKED_AT.isNull())
                .and(API_TOKEN.EXPIRES_AT.gt(now)));
    }

    private static Set<ApiScope> parse(String scopes) {
        Set<ApiScope> set = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(scopes.split(" ")).map(ApiScope::fromId).flatMap(Optional::stream).forEach(set::add);
        return set;
    }
}
