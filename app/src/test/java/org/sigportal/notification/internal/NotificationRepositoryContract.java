package org.sigportal.notification.internal;

import org.junit.jupiter.api.Test;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.NewThread;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.notification.Notification;
import org.sigportal.notification.NotificationKind;
import org.sigportal.notification.SubscriptionKind;
import org.sigportal.notification.Webhook;
import org.sigportal.notification.WebhookEvent;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification feature's storage on every supported database: idempotent subscriptions and notifications
 * (one per member and post), the digest's look-ups, and webhooks with their latest delivery.
 */
abstract class NotificationRepositoryContract {

    @Autowired
    JooqNotificationRepository notifications;
    @Autowired
    JooqWebhookRepository webhooks;
    @Autowired
    UserAccountService accounts;
    @Autowired
    DiscussionService discussions;

    private String member(String prefix) {
        String name = TestAccounts.uniqueUsername(prefix);
        accounts.signUp(new SignUpRequest(name, prefix, name + "@example.org", "member-password-1"));
        return name;
    }

    private static <T> T as(String user, java.util.function.Supplier<T> action) {
        return SignedIn.as(user, action, "ROLE_MEMBER", "SCOPE_read", "SCOPE_community-write");
    }

    @Test
    void subscriptionsAndNotificationsAreStoredOncePerMemberAndPost() {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        String readerName = member("reader");
        long reader = notifications.userId(readerName).orElseThrow();
        String author = member("writer");
        long authorId = notifications.userId(author).orElseThrow();
        String slug = "repo-" + TestAccounts.uniqueUsername("c").replaceAll("[^a-z0-9]", "");
        long category = SignedIn.asAdmin(() -> discussions.createCategory(slug, "Repo " + slug, null)).id();
        long thread = as(author, () -> discussions.startThread(new NewThread(category, "Stored", "body", List.of())));
        long post = as(author, () -> discussions.reply(thread, "second", null));

        assertThat(notifications.subscribe(reader, SubscriptionKind.TAG, "storage", now)).isTrue();
        assertThat(notifications.subscribe(reader, SubscriptionKind.TAG, "storage", now)).isFalse();
        assertThat(notifications.subscribers(SubscriptionKind.TAG, List.of("storage", "other"))).contains(reader);
        assertThat(notifications.subscribed(reader, SubscriptionKind.TAG, "storage")).isTrue();
        // The author watches the thread since starting it.
        assertThat(notifications.subscribed(authorId, SubscriptionKind.THREAD, String.valueOf(thread))).isTrue();
        assertThat(notifications.participants(thread)).containsExactly(authorId);
        assertThat(notifications.unsubscribe(reader, SubscriptionKind.TAG, "storage")).isTrue();
        assertThat(notifications.subscriptions(reader)).isEmpty();

        assertThat(notifications.insert(Map.of(reader, NotificationKind.REPLY), authorId, thread, post, "second", now))
                .containsExactly(reader);
        assertThat(notifications.insert(Map.of(reader, NotificationKind.MENTION), authorId, thread, post, "again",
                now)).isEmpty();
        assertThat(notifications.notifications(reader, true, null, 10)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REPLY);
            assertThat(n.actorUsername()).isEqualTo(author);
            assertThat(n.threadTitle()).isEqualTo("Stored");
        });
        assertThat(notifications.unreadCount(reader)).isEqualTo(1);

        // The digest: only members with a digest turned on and something pending.
        assertThat(notifications.digestCandidates()).noneMatch(c -> c.id() == reader);
        as(readerName, () -> {
            accounts.updatePreferences(new NotificationPreferences(true, true, true,
                    NotificationPreferences.EmailDigest.WEEKLY));
            return null;
        });
        assertThat(notifications.digestCandidates()).filteredOn(c -> c.id() == reader).singleElement()
                .satisfies(c -> {
                    assertThat(c.digest()).isEqualTo(NotificationPreferences.EmailDigest.WEEKLY);
                    assertThat(c.email()).endsWith("@example.org");
                    assertThat(c.lastMailedAt()).isNull();
                });
        List<Notification> pending = notifications.pendingForDigest(reader, 10);
        assertThat(pending).hasSize(1);
        assertThat(notifications.countPending(reader)).isEqualTo(1);
        assertThat(notifications.markEmailed(reader, pending.getLast().id(), now)).isEqualTo(1);
        assertThat(notifications.pendingForDigest(reader, 10)).isEmpty();
        assertThat(notifications.digestCandidates()).noneMatch(c -> c.id() == reader);

        assertThat(notifications.markAllRead(reader, now)).isEqualTo(1);
        assertThat(notifications.unreadCount(reader)).isZero();
    }

    @Test
    void webhooksKeepTheirEventsAndLatestDelivery() {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        long id = webhooks.insert("https://hooks.example.org/portal", "v1:sealed",
                EnumSet.of(WebhookEvent.POST_CREATED), "admin", now);
        long both = webhooks.insert("https://hooks.example.org/all", "v1:sealed2", Set.of(WebhookEvent.values()),
                "admin", now);
        try {
            assertThat(webhooks.targets(WebhookEvent.THREAD_CREATED)).extracting(JooqWebhookRepository.Target::id)
                    .contains(both).doesNotContain(id);
            assertThat(webhooks.targets(WebhookEvent.POST_CREATED)).extracting(JooqWebhookRepository.Target::id)
                    .contains(id, both);
            webhooks.recordDelivery(id, now, false, "HTTP 500, 4 attempts " + "x".repeat(400));
            Webhook stored = webhooks.find(id).orElseThrow();
            assertThat(stored.events()).containsExactly(WebhookEvent.POST_CREATED);
            assertThat(stored.lastDeliveryOk()).isFalse();
            assertThat(stored.lastDeliveryStatus()).startsWith("HTTP 500, 4 attempts").hasSize(300);
            assertThat(stored.lastDeliveryAt()).isEqualTo(now);
        } finally {
            assertThat(webhooks.delete(id)).isTrue();
            assertThat(webhooks.delete(both)).isTrue();
        }
        assertThat(webhooks.find(id)).isEmpty();
    }
}
