package org.sigportal.identity.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.Roles;
import org.sigportal.db.tables.records.PortalUserRecord;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.identity.UserAccount;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.sigportal.db.Tables.PORTAL_USER;
import static org.sigportal.db.Tables.PORTAL_USER_ROLE;

@Repository
public class JooqUserRepository {

    private final DSLContext dsl;

    JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(String username, String displayName, @Nullable String email, @Nullable String passwordHash,
                       Collection<String> roles, boolean demo, OffsetDateTime now) {
        long id = dsl.insertInto(PORTAL_USER)
                .set(PORTAL_USER.USERNAME, username)
                .set(PORTAL_USER.DISPLAY_NAME, displayName)
                .set(PORTAL_USER.EMAIL, email)
                .set(PORTAL_USER.PASSWORD_HASH, passwordHash)
                .set(PORTAL_USER.DEMO, demo)
                .set(PORTAL_USER.CREATED_AT, now)
                .set(PORTAL_USER.UPDATED_AT, now)
                .returning(PORTAL_USER.ID)
                .fetchOne(PORTAL_USER.ID);
        replaceRoles(id, roles);
        return id;
    }

    public boolean usernameExists(String username) {
        return dsl.fetchExists(PORTAL_USER, PORTAL_USER.USERNAME.eq(username));
    }

    public boolean emailExists(String email) {
        return dsl.fetchExists(PORTAL_USER, DSL.lower(PORTAL_USER.EMAIL).eq(email.toLowerCase(Locale.ROOT)));
    }

    public int countAll() {
        return dsl.fetchCount(PORTAL_USER);
    }

    public int countEnabledAdmins() {
        return dsl.fetchCount(dsl.select(PORTAL_USER.ID).from(PORTAL_USER)
                .join(PORTAL_USER_ROLE).on(PORTAL_USER_ROLE.USER_ID.eq(PORTAL_USER.ID))
                .where(PORTAL_USER.ENABLED.isTrue()).and(PORTAL_USER_ROLE.ROLE.eq(Roles.ADMIN)));
    }

    public Optional<UserAccount> findById(long id) {
        return dsl.selectFrom(PORTAL_USER).where(PORTAL_USER.ID.eq(id)).fetchOptional().map(this::toAccount);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return dsl.selectFrom(PORTAL_USER).where(PORTAL_USER.USERNAME.eq(username)).fetchOptional()
                .map(this::toAccount);
    }

    /** The hash for sign-in; empty for an unknown user or one without a local password. */
    public Optional<String> passwordHash(String username) {
        return dsl.select(PORTAL_USER.PASSWORD_HASH).from(PORTAL_USER).where(PORTAL_USER.USERNAME.eq(username))
                .fetchOptional(PORTAL_USER.PASSWORD_HASH);
    }

    public List<UserAccount> list(@Nullable String text, int offset, int limit) {
        List<PortalUserRecord> records = dsl.selectFrom(PORTAL_USER).where(matching(text))
                .orderBy(PORTAL_USER.USERNAME).offset(offset).limit(limit).fetch();
        Map<Long, Set<String>> roles = rolesOf(records.stream().map(PortalUserRecord::getId).toList());
        return records.stream().map(r -> toAccount(r, roles.getOrDefault(r.getId(), Set.of()))).toList();
    }

    public int count(@Nullable String text) {
        return dsl.fetchCount(PORTAL_USER, matching(text));
    }

    public void updatePassword(String username, String hash, OffsetDateTime now) {
        dsl.update(PORTAL_USER)
                .set(PORTAL_USER.PASSWORD_HASH, hash)
                .set(PORTAL_USER.UPDATED_AT, now)
                .set(PORTAL_USER.VERSION, PORTAL_USER.VERSION.plus(1))
                .where(PORTAL_USER.USERNAME.eq(username))
                .execute();
    }

    public void updateLocale(String username, String localeTag) {
        dsl.update(PORTAL_USER).set(PORTAL_USER.LOCALE, localeTag).where(PORTAL_USER.USERNAME.eq(username)).execute();
    }

    /** Optimistic lock: true when the row still had {@code expectedVersion} and now has the next one. */
    public boolean bumpVersion(String username, int expectedVersion, OffsetDateTime now) {
        return dsl.update(PORTAL_USER)
                .set(PORTAL_USER.VERSION, PORTAL_USER.VERSION.plus(1))
                .set(PORTAL_USER.UPDATED_AT, now)
                .where(PORTAL_USER.USERNAME.eq(username)).and(PORTAL_USER.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    public boolean setEnabled(String username, int expectedVersion, boolean enabled, OffsetDateTime now) {
        return dsl.update(PORTAL_USER)
                .set(PORTAL_USER.ENABLED, enabled)
                .set(PORTAL_USER.VERSION, PORTAL_USER.VERSION.plus(1))
                .set(PORTAL_USER.UPDATED_AT, now)
                .where(PORTAL_USER.USERNAME.eq(username)).and(PORTAL_USER.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /**
     * An administrator's edit: roles not in {@code roles} are removed whatever their source (a role still
     * mapped by a provider returns at the next sign-in); missing ones are granted by the portal.
     */
    public void replaceRoles(long userId, Collection<String> roles) {
        dsl.deleteFrom(PORTAL_USER_ROLE).where(PORTAL_USER_ROLE.USER_ID.eq(userId))
                .and(PORTAL_USER_ROLE.ROLE.notIn(roles)).execute();
        insertMissingRoles(userId, roles, PORTAL_SOURCE);
    }

    /** Roles mapped from a provider's claims at sign-in: replaces that provider's earlier mapping only. */
    public void replaceMappedRoles(long userId, String source, Collection<String> roles) {
        dsl.deleteFrom(PORTAL_USER_ROLE).where(PORTAL_USER_ROLE.USER_ID.eq(userId))
                .and(PORTAL_USER_ROLE.SOURCE.eq(source)).and(PORTAL_USER_ROLE.ROLE.notIn(roles)).execute();
        insertMissingRoles(userId, roles, source);
    }

    private void insertMissingRoles(long userId, Collection<String> roles, String source) {
        Set<String> present = new TreeSet<>(dsl.select(PORTAL_USER_ROLE.ROLE).from(PORTAL_USER_ROLE)
                .where(PORTAL_USER_ROLE.USER_ID.eq(userId)).fetch(PORTAL_USER_ROLE.ROLE));
        for (String role : new TreeSet<>(roles)) {
            if (!present.contains(role)) {
                dsl.insertInto(PORTAL_USER_ROLE).set(PORTAL_USER_ROLE.USER_ID, userId)
                        .set(PORTAL_USER_ROLE.ROLE, role).set(PORTAL_USER_ROLE.SOURCE, source).execute();
            }
        }
    }

    public static final String PORTAL_SOURCE = "portal";

    public Optional<UserAccount> findByVerifiedEmail(String email) {
        return dsl.selectFrom(PORTAL_USER)
                .where(DSL.lower(PORTAL_USER.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
                .and(PORTAL_USER.EMAIL_VERIFIED.isTrue())
                .fetchOptional().map(this::toAccount);
    }

    public boolean hasLocalPassword(String username) {
        return passwordHash(username).isPresent();
    }

    /** Profile facts a provider vouches for, refreshed at each sign-in. */
    public void updateFromProvider(long userId, String displayName, @Nullable String avatarUrl, OffsetDateTime now) {
        dsl.update(PORTAL_USER)
                .set(PORTAL_USER.DISPLAY_NAME, displayName)
                .set(PORTAL_USER.AVATAR_URL, avatarUrl)
                .set(PORTAL_USER.UPDATED_AT, now)
                .where(PORTAL_USER.ID.eq(userId)).execute();
    }

    public void insertSsoDetails(long userId, boolean emailVerified, @Nullable String avatarUrl,
                                 @Nullable String locale) {
        dsl.update(PORTAL_USER)
                .set(PORTAL_USER.EMAIL_VERIFIED, emailVerified)
                .set(PORTAL_USER.AVATAR_URL, avatarUrl)
                .set(PORTAL_USER.LOCALE, locale)
                .where(PORTAL_USER.ID.eq(userId)).execute();
    }

    public NotificationPreferences preferences(String username) {
        return dsl.selectFrom(PORTAL_USER).where(PORTAL_USER.USERNAME.eq(username)).fetchOptional()
                .map(r -> new NotificationPreferences(r.getNotifyReplies(), r.getNotifyMentions(),
                        r.getNotifyWatched(), NotificationPreferences.EmailDigest.valueOf(r.getEmailDigest())))
                .orElseThrow();
    }

    public void updatePreferences(String username, NotificationPreferences p, OffsetDateTime now) {
        dsl.update(PORTAL_USER)
                .set(PORTAL_USER.NOTIFY_REPLIES, p.replies())
                .set(PORTAL_USER.NOTIFY_MENTIONS, p.mentions())
                .set(PORTAL_USER.NOTIFY_WATCHED, p.watched())
                .set(PORTAL_USER.EMAIL_DIGEST, p.emailDigest().name())
                .set(PORTAL_USER.UPDATED_AT, now)
                .where(PORTAL_USER.USERNAME.eq(username)).execute();
    }

    /** Enabled flag and roles in one query: read on every authenticated request to end sessions of disabled users. */
    public Optional<AccountStatus> status(String username) {
        var rows = dsl.select(PORTAL_USER.ENABLED, PORTAL_USER_ROLE.ROLE).from(PORTAL_USER)
                .leftJoin(PORTAL_USER_ROLE).on(PORTAL_USER_ROLE.USER_ID.eq(PORTAL_USER.ID))
                .where(PORTAL_USER.USERNAME.eq(username)).fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> roles = rows.stream().map(r -> r.value2()).filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        return Optional.of(new AccountStatus(rows.getFirst().value1(), roles));
    }

    public record AccountStatus(boolean enabled, Set<String> roles) {
    }

    private Condition matching(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return DSL.noCondition();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return DSL.lower(PORTAL_USER.USERNAME).contains(t)
                .or(DSL.lower(PORTAL_USER.DISPLAY_NAME).contains(t))
                .or(DSL.lower(PORTAL_USER.EMAIL).contains(t));
    }

    private Map<Long, Set<String>> rolesOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.select(PORTAL_USER_ROLE.USER_ID, PORTAL_USER_ROLE.ROLE).from(PORTAL_USER_ROLE)
                .where(PORTAL_USER_ROLE.USER_ID.in(ids)).fetch()
                .stream().collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> r.value2(), Collectors.toCollection(TreeSet::new))));
    }

    private UserAccount toAccount(PortalUserRecord r) {
        return toAccount(r, rolesOf(List.of(r.getId())).getOrDefault(r.getId(), Set.of()));
    }

    private UserAccount toAccount(PortalUserRecord r, Set<String> roles) {
        return new UserAccount(r.getId(), r.getUsername(), r.getDisplayName(), r.getEmail(), r.getEmailVerified(),
                r.getAvatarUrl(), r.getEnabled(), Set.copyOf(roles), r.getLocale(), r.getDemo(), r.getCreatedAt(),
                r.getVersion());
    }
}
