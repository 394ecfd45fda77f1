package org.sigportal.notification.internal;

import org.sigportal.base.markdown.SafeMarkdown;
import org.sigportal.discussion.PostPublished;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.notification.NotificationKind;
import org.sigportal.notification.SubscriptionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * After a post is committed: its author watches the thread, and everyone with a reason to hear of it gets one
 * notification, for the strongest reason their preferences allow (see {@link NotificationKind}). Runs in a
 * transaction of its own; a failure here is logged and never undoes or fails the post.
 */
@Component
class NotificationFanOut {

    private static final Logger log = LoggerFactory.getLogger(NotificationFanOut.class);
    /** The longest excerpt kept (the column holds 300 characters). */
    static final int EXCERPT = 200;

    private final JooqNotificationRepository repository;
    private final SafeMarkdown markdown;
    private final LiveNotifications live;
    private final TransactionTemplate tx;
    private final Clock clock;

    NotificationFanOut(JooqNotificationRepository repository, SafeMarkdown markdown, LiveNotifications live,
                       TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.markdown = markdown;
        this.live = live;
        this.tx = tx;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PostPublished post) {
        try {
            Set<Long> notified = tx.execute(s -> fanOut(post));
            if (notified != null) {
                notified.stream().filter(live::hasListeners)
                        .forEach(id -> live.changed(id, repository.unreadCount(id)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not create the notifications of post {} in thread {}", post.postId(), post.threadId(),
                    e);
        }
    }

    private Set<Long> fanOut(PostPublished post) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Long> author = repository.userId(post.author());
        if (author.isEmpty()) {
            return Set.of();
        }
        long authorId = author.get();
        String thread = String.valueOf(post.threadId());
        // Starting a thread or replying in it means watching it.
        repository.subscribe(authorId, SubscriptionKind.THREAD, thread, now);
        if (!repository.threadVisible(post.threadId())) {
            return Set.of();
        }

        Map<Long, EnumSet<NotificationKind>> reasons = new HashMap<>();
        NotificationKind watched = post.opening() ? NotificationKind.NEW_THREAD : NotificationKind.WATCHED;
        add(reasons, repository.subscribers(SubscriptionKind.CATEGORY, List.of(String.valueOf(post.categoryId()))),
                watched);
        add(reasons, repository.subscribers(SubscriptionKind.TAG, post.tags()), watched);
        if (!post.opening()) {
            Set<Long> participants = repository.participants(post.threadId());
            for (long id : repository.subscribers(SubscriptionKind.THREAD, List.of(thread))) {
                add(reasons, Set.of(id), participants.contains(id) ? NotificationKind.REPLY : NotificationKind.WATCHED);
            }
        }
        if (post.quotedAuthor() != null) {
            add(reasons, repository.enabledUserIds(List.of(post.quotedAuthor())).values(), NotificationKind.QUOTE);
        }
        Set<String> names = Mentions.in(post.body());
        add(reasons, repository.enabledUserIds(names).values().stream().limit(Mentions.MAX).toList(),
                NotificationKind.MENTION);
        reasons.remove(authorId);
        if (reasons.isEmpty()) {
            return Set.of();
        }

        Map<Long, NotificationKind> chosen = new LinkedHashMap<>();
        repository.recipients(reasons.keySet()).values().stream()
                .filter(JooqNotificationRepository.Recipient::enabled)
                .forEach(r -> reasons.get(r.id()).stream().filter(k -> allowed(k, r.preferences())).findFirst()
                        .ifPresent(k -> chosen.put(r.id(), k)));
        if (chosen.isEmpty()) {
            return Set.of();
        }
        String text = markdown.excerpt(post.body(), EXCERPT);
        return repository.insert(chosen, authorId, post.threadId(), post.postId(), text, now);
    }

    private static void add(Map<Long, EnumSet<NotificationKind>> reasons, java.util.Collection<Long> users,
                            NotificationKind kind) {
        users.forEach(id -> reasons.computeIfAbsent(id, k -> EnumSet.noneOf(NotificationKind.class)).add(kind));
    }

    /** Which preference on the profile page lets a kind through. */
    static boolean allowed(NotificationKind kind, NotificationPreferences preferences) {
        return switch (kind) {
            case MENTION -> preferences.mentions();
            case QUOTE, REPLY -> preferences.replies();
            case NEW_THREAD, WATCHED -> preferences.watched();
        };
    }
}
