package org.sigportal.notification.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.persistence.Inserts;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.notification.Notification;
import org.sigportal.notification.NotificationKind;
import org.sigportal.notification.Subscription;
import org.sigportal.notification.SubscriptionKind;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.sigportal.db.Tables.DISCUSSION_CATEGORY;
import static org.sigportal.db.Tables.DISCUSSION_POST;
import static org.sigportal.db.Tables.DISCUSSION_SUBSCRIPTION;
import static org.sigportal.db.Tables.DISCUSSION_THREAD;
import static org.sigportal.db.Tables.NOTIFICATION;
import static org.sigportal.db.Tables.PORTAL_USER;

/** Subscriptions and in-app notifications in the database, and what the e-mail digest reads of them. */
@Repository
public class JooqNotificationRepository {

    /** A possible recipient: whether the account may still sign in, and what it wants to be told about. */
    public record Recipient(long id, boolean enabled, NotificationPreferences preferences) {
    }

    /** A member whose digest may be due: the latest time anything was mailed to them, if ever. */
    public record DigestRecipient(long id, String username, String displayName, String email,
                                  @Nullable String locale, NotificationPreferences.EmailDigest digest,
                                  @Nullable OffsetDateTime lastMailedAt) {
    }

    private final DSLContext dsl;

    JooqNotificationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- accounts and discussions (read only)

    public Optional<Long> userId(String username) {
        return dsl.select(PORTAL_USER.ID).from(PORTAL_USER).where(PORTAL_USER.USERNAME.eq(username))
                .fetchOptional(PORTAL_USER.ID);
    }

    /** The ids of those of {@code usernames} that are enabled accounts. */
    public Map<String, Long> enabledUserIds(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new HashMap<>();
        dsl.select(PORTAL_USER.USERNAME, PORTAL_USER.ID).from(PORTAL_USER)
                .where(PORTAL_USER.USERNAME.in(usernames).and(PORTAL_USER.ENABLED.isTrue()))
                .forEach(r -> ids.put(r.value1(), r.value2()));
        return ids;
    }

    public Map<Long, Recipient> recipients(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Recipient> out = new HashMap<>();
        dsl.selectFrom(PORTAL_USER).where(PORTAL_USER.ID.in(userIds)).forEach(u -> out.put(u.getId(),
                new Recipient(u.getId(), u.getEnabled(), preferences(u.getNotifyReplies(), u.getNotifyMentions(),
                        u.getNotifyWatched(), u.getEmailDigest()))));
        return out;
    }

    /** Exists and is not hidden from members. */
    public boolean threadVisible(long threadId) {
        return dsl.fetchExists(DISCUSSION_THREAD, DISCUSSION_THREAD.ID.eq(threadId)
                .and(DISCUSSION_THREAD.HIDDEN.isFalse()));
    }

    public boolean categoryExists(long categoryId) {
        return dsl.fetchExists(DISCUSSION_CATEGORY, DISCUSSION_CATEGORY.ID.eq(categoryId));
    }

    /** Who wrote in a thread: its author and everyone who replied. */
    public Set<Long> participants(long threadId) {
        return new HashSet<>(dsl.selectDistinct(DISCUSSION_POST.AUTHOR_ID).from(DISCUSSION_POST)
                .where(DISCUSSION_POST.THREAD_ID.eq(threadId)).fetch(DISCUSSION_POST.AUTHOR_ID));
    }

    // --- subscriptions

    /**
     * Watches the target; false when the member watched it already, also when that began a moment ago in parallel
     * (two clicks, or a click while the fan-out of the member's own post subscribes them).
     */
    public boolean subscribe(long userId, SubscriptionKind kind, String target, OffsetDateTime now) {
        return Inserts.ignoringDuplicate(() -> dsl.insertInto(DISCUSSION_SUBSCRIPTION)
                .set(DISCUSSION_SUBSCRIPTION.USER_ID, userId)
                .set(DISCUSSION_SUBSCRIPTION.KIND, kind.name()).set(DISCUSSION_SUBSCRIPTION.TARGET, target)
                .set(DISCUSSION_SUBSCRIPTION.CREATED_AT, now)
                .onConflict(DISCUSSION_SUBSCRIPTION.USER_ID, DISCUSSION_SUBSCRIPTION.KIND,
                        DISCUSSION_SUBSCRIPTION.TARGET).doNothing().execute()) == 1;
    }

    public boolean unsubscribe(long userId, SubscriptionKind kind, String target) {
        return dsl.deleteFrom(DISCUSSION_SUBSCRIPTION).where(subscription(userId, kind, target)).execute() == 1;
    }

    public boolean subscribed(long userId, SubscriptionKind kind, String target) {
        return dsl.fetchExists(DISCUSSION_SUBSCRIPTION, subscription(userId, kind, target));
    }

    public List<Subscription> subscriptions(long userId) {
        return dsl.selectFrom(DISCUSSION_SUBSCRIPTION).where(DISCUSSION_SUBSCRIPTION.USER_ID.eq(userId))
                .orderBy(DISCUSSION_SUBSCRIPTION.KIND, DISCUSSION_SUBSCRIPTION.CREATED_AT, DISCUSSION_SUBSCRIPTION.ID)
                .fetch(r -> new Subscription(SubscriptionKind.valueOf(r.getKind()), r.getTarget(), r.getCreatedAt()));
    }

    /** Everyone who watches one of the targets of that kind. */
    public Set<Long> subscribers(SubscriptionKind kind, Collection<String> targets) {
        if (targets.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.selectDistinct(DISCUSSION_SUBSCRIPTION.USER_ID).from(DISCUSSION_SUBSCRIPTION)
                .where(DISCUSSION_SUBSCRIPTION.KIND.eq(kind.name()).and(DISCUSSION_SUBSCRIPTION.TARGET.in(targets)))
                .fetch(DISCUSSION_SUBSCRIPTION.USER_ID));
    }

    private static Condition subscription(long userId, SubscriptionKind kind, String target) {
        return DISCUSSION_SUBSCRIPTION.USER_ID.eq(userId).and(DISCUSSION_SUBSCRIPTION.KIND.eq(kind.name()))
                .and(DISCUSSION_SUBSCRIPTION.TARGET.eq(target));
    }

    // --- notifications

    /** One notification per member and post: a second one for the same post is ignored. The members added. */
    public Set<Long> insert(Map<Long, NotificationKind> recipients, long actorId, long threadId, long postId,
                            String text, OffsetDateTime now) {
        Set<Long> added = new HashSet<>();
        recipients.forEach((userId, kind) -> {
            if (dsl.insertInto(NOTIFICATION).set(NOTIFICATION.USER_ID, userId).set(NOTIFICATION.KIND, kind.name())
                    .set(NOTIFICATION.ACTOR_ID, actorId).set(NOTIFICATION.THREAD_ID, threadId)
                    .set(NOTIFICATION.POST_ID, postId).set(NOTIFICATION.TEXT, text)
                    .set(NOTIFICATION.CREATED_AT, now).onConflictDoNothing().execute() == 1) {
                added.add(userId);
            }
        });
        return added;
    }

    /** Newest first; {@code before} is the id the previous page ended at (null for the first page). */
    public List<Notification> notifications(long userId, boolean unreadOnly, @Nullable Long before, int limit) {
        Condition where = NOTIFICATION.USER_ID.eq(userId);
        if (unreadOnly) {
            where = where.and(NOTIFICATION.READ_AT.isNull());
        }
        if (before != null) {
            where = where.and(NOTIFICATION.ID.lt(before));
        }
        return select(where, limit);
    }

    public int unreadCount(long userId) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.USER_ID.eq(userId).and(NOTIFICATION.READ_AT.isNull())
                .and(aboutVisiblePost()));
    }

    /** False when there is no such unread notification of this member. */
    public boolean markRead(long userId, long id, OffsetDateTime now) {
        return dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, now)
                .where(NOTIFICATION.ID.eq(id).and(NOTIFICATION.USER_ID.eq(userId))
                        .and(NOTIFICATION.READ_AT.isNull())).execute() == 1;
    }

    public boolean exists(long userId, long id) {
        return dsl.fetchExists(NOTIFICATION, NOTIFICATION.ID.eq(id).and(NOTIFICATION.USER_ID.eq(userId)));
    }

    /** Marks read every unread notification the member can see (as {@link #unreadCount} counts them). */
    public int markAllRead(long userId, OffsetDateTime now) {
        return dsl.update(NOTIFICATION).set(NOTIFICATION.READ_AT, now)
                .where(NOTIFICATION.USER_ID.eq(userId).and(NOTIFICATION.READ_AT.isNull()).and(aboutVisiblePost()))
                .execute();
    }

    // --- e-mail digest

    /**
     * Enabled members with an e-mail address and a digest turned on who have unread notifications not mailed
     * yet; whether their digest is due depends on {@code lastMailedAt}.
     */
    public List<DigestRecipient> digestCandidates() {
        var last = DSL.select(DSL.max(NOTIFICATION.EMAILED_AT)).from(NOTIFICATION)
                .where(NOTIFICATION.USER_ID.eq(PORTAL_USER.ID)).<OffsetDateTime>asField("last_mailed_at");
        return dsl.select(PORTAL_USER.ID, PORTAL_USER.USERNAME, PORTAL_USER.DISPLAY_NAME, PORTAL_USER.EMAIL,
                        PORTAL_USER.LOCALE, PORTAL_USER.EMAIL_DIGEST, last)
                .from(PORTAL_USER)
                .where(PORTAL_USER.ENABLED.isTrue().and(PORTAL_USER.EMAIL.isNotNull())
                        .and(PORTAL_USER.EMAIL_DIGEST.ne(NotificationPreferences.EmailDigest.OFF.name()))
                        .andExists(DSL.selectOne().from(NOTIFICATION).where(pending()
                                .and(NOTIFICATION.USER_ID.eq(PORTAL_USER.ID)).and(aboutVisiblePost()))))
                .orderBy(PORTAL_USER.ID)
                .fetch(r -> new DigestRecipient(r.get(PORTAL_USER.ID), r.get(PORTAL_USER.USERNAME),
                        r.get(PORTAL_USER.DISPLAY_NAME), r.get(PORTAL_USER.EMAIL), r.get(PORTAL_USER.LOCALE),
                        NotificationPreferences.EmailDigest.valueOf(r.get(PORTAL_USER.EMAIL_DIGEST)), r.get(last)));
    }

    /** Unread and not mailed yet, oldest first. */
    public List<Notification> pendingForDigest(long userId, int limit) {
        return select(NOTIFICATION.USER_ID.eq(userId).and(pending()), limit).reversed();
    }

    public int countPending(long userId) {
        return dsl.fetchCount(NOTIFICATION, NOTIFICATION.USER_ID.eq(userId).and(pending()).and(aboutVisiblePost()));
    }

    /** Marks every pending notification of the member up to {@code lastId} that the digest could show as mailed. */
    public int markEmailed(long userId, long lastId, OffsetDateTime now) {
        return dsl.update(NOTIFICATION).set(NOTIFICATION.EMAILED_AT, now)
                .where(NOTIFICATION.USER_ID.eq(userId).and(pending()).and(NOTIFICATION.ID.le(lastId))
                        .and(aboutVisiblePost())).execute();
    }

    private static Condition pending() {
        return NOTIFICATION.READ_AT.isNull().and(NOTIFICATION.EMAILED_AT.isNull());
    }

    /**
     * The post is not hidden, nor the thread it is in now (after a merge, the thread it joined): a notification
     * about what moderators hid later, with its excerpt and title, is neither listed, counted nor mailed, and is
     * back when they show it again.
     */
    private static Condition aboutVisiblePost() {
        var post = DISCUSSION_POST.as("visible_post");
        var thread = DISCUSSION_THREAD.as("visible_thread");
        return DSL.exists(DSL.selectOne().from(post).join(thread).on(thread.ID.eq(post.THREAD_ID))
                .where(post.ID.eq(NOTIFICATION.POST_ID)).and(post.HIDDEN.isFalse()).and(thread.HIDDEN.isFalse()));
    }

    private List<Notification> select(Condition where, int limit) {
        var n = NOTIFICATION;
        var actor = PORTAL_USER.as("actor");
        return dsl.select(n.ID, n.KIND, actor.USERNAME, actor.DISPLAY_NAME, n.THREAD_ID, DISCUSSION_THREAD.TITLE,
                        n.POST_ID, n.TEXT, n.CREATED_AT, n.READ_AT)
                .from(n).leftJoin(actor).on(actor.ID.eq(n.ACTOR_ID))
                .join(DISCUSSION_THREAD).on(DISCUSSION_THREAD.ID.eq(n.THREAD_ID))
                .where(where.and(n.POST_ID.isNotNull()).and(aboutVisiblePost())).orderBy(n.ID.desc()).limit(limit)
                .fetch(r -> new Notification(r.get(n.ID), NotificationKind.valueOf(r.get(n.KIND)),
                        orEmpty(r.get(actor.USERNAME)), orEmpty(r.get(actor.DISPLAY_NAME)), r.get(n.THREAD_ID),
                        r.get(DISCUSSION_THREAD.TITLE), r.get(n.POST_ID), r.get(n.TEXT), r.get(n.CREATED_AT),
                        r.get(n.READ_AT) != null));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static NotificationPreferences preferences(boolean replies, boolean mentions, boolean watched,
                                                       String digest) {
        return new NotificationPreferences(replies, mentions, watched,
                NotificationPreferences.EmailDigest.valueOf(digest));
    }
}
