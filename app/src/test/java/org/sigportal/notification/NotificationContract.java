package org.sigportal.notification;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.NewThread;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.Race;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Watching and notifications through the real discussion service, on each supported database: one notification
 * per member and post for the strongest reason (mention, quote, reply, watched), mentions only outside code and
 * only of real accounts, preferences respected, counts, marking read and the live count.
 */
abstract class NotificationContract {

    @Autowired
    DiscussionService discussions;
    @Autowired
    UserAccountService accounts;
    @Autowired
    NotificationService notifications;
    @Autowired
    SubscriptionService subscriptions;

    String alice;
    String bob;
    String carol;
    String dave;
    long category;

    @BeforeEach
    void membersAndACategory() {
        alice = member("alice");
        bob = member("bob");
        carol = member("carol");
        dave = member("dave");
        String slug = "n-" + TestAccounts.uniqueUsername("c").replaceAll("[^a-z0-9]", "").toLowerCase();
        category = SignedIn.asAdmin(() -> discussions.createCategory(slug, "Notify " + slug, null)).id();
    }

    private String member(String prefix) {
        String name = TestAccounts.uniqueUsername(prefix);
        accounts.signUp(new SignUpRequest(name, prefix.substring(0, 1).toUpperCase() + prefix.substring(1) + " Li",
                name + "@example.org", "member-password-1"));
        return name;
    }

    static <T> T as(String user, Supplier<T> action) {
        return SignedIn.as(user, action, "ROLE_MEMBER", "SCOPE_read", "SCOPE_community-write");
    }

    private List<Notification> unread(String user) {
        return as(user, () -> notifications.list(true, null, 50));
    }

    private long thread(String user, String title, String body, String... tags) {
        return as(user, () -> discussions.startThread(new NewThread(category, title, body, List.of(tags))));
    }

    @Test
    void repliesMentionsAndQuotesGiveOneNotificationEachForTheStrongestReason() {
        long t = thread(dave, "Kata containers on arm64", "Has anyone tried **Kata** on arm64 nodes?");
        // The author watches their thread; bob watches it by hand.
        assertThat(as(dave, () -> subscriptions.isWatching(SubscriptionKind.THREAD, String.valueOf(t)))).isTrue();
        as(bob, () -> subscriptions.watch(SubscriptionKind.THREAD, String.valueOf(t)));
        assertThat(as(bob, () -> subscriptions.isWatching(SubscriptionKind.THREAD, String.valueOf(t)))).isTrue();

        long aliceReply = as(alice, () -> discussions.reply(t, """
                Yes, **works** with `@%s` in code, asked @%s and @nobody-%s too.

                    @%s in a code block is code
                """.formatted(dave, carol, System.nanoTime(), bob), null));

        // bob: one notification although he watches the thread and appears in a code block.
        assertThat(unread(bob)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.WATCHED);
            assertThat(n.actorUsername()).isEqualTo(alice);
            assertThat(n.threadTitle()).isEqualTo("Kata containers on arm64");
            assertThat(n.postId()).isEqualTo(aliceReply);
            assertThat(n.link()).isEqualTo("discuss/t/" + t + "#post-" + aliceReply);
            // A plain excerpt: no Markdown, no HTML.
            assertThat(n.text()).startsWith("Yes, works with @").doesNotContain("**", "<", ">");
        });
        assertThat(unread(carol)).singleElement().extracting(Notification::kind).isEqualTo(NotificationKind.MENTION);
        // dave started the thread: a reply; the mention in a code span does not count.
        assertThat(unread(dave)).singleElement().extracting(Notification::kind).isEqualTo(NotificationKind.REPLY);
        // Nobody is told about their own post, and replying means watching.
        assertThat(unread(alice)).isEmpty();
        assertThat(as(alice, () -> subscriptions.isWatching(SubscriptionKind.THREAD, String.valueOf(t)))).isTrue();

        // bob quotes alice and mentions her: one notification, the mention.
        long bobReply = as(bob, () -> discussions.reply(t, "@" + alice + " which kernel?", aliceReply));
        assertThat(unread(alice)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.MENTION);
            assertThat(n.postId()).isEqualTo(bobReply);
        });
        // carol quotes bob without naming him: a quote, stronger than the reply in a thread he now wrote in.
        as(carol, () -> discussions.reply(t, "> which kernel?\n\n6.6 here", bobReply));
        assertThat(unread(bob)).extracting(Notification::kind)
                .containsExactly(NotificationKind.QUOTE, NotificationKind.WATCHED);
        assertThat(unread(dave)).extracting(Notification::kind).containsOnly(NotificationKind.REPLY).hasSize(3);

        // Counts and marking read.
        assertThat(as(bob, notifications::unreadCount)).isEqualTo(2);
        long first = unread(bob).getLast().id();
        as(bob, () -> {
            notifications.markRead(first);
            notifications.markRead(first);
            return null;
        });
        assertThat(as(bob, notifications::unreadCount)).isEqualTo(1);
        assertThat(as(bob, () -> notifications.list(false, null, 50))).hasSize(2)
                .filteredOn(Notification::read).extracting(Notification::id).containsExactly(first);
        // Someone else's notification is not found for you.
        assertThatThrownBy(() -> as(carol, () -> {
            notifications.markRead(first);
            return null;
        })).isInstanceOf(NotificationException.class);
        assertThat(as(bob, notifications::markAllRead)).isEqualTo(1);
        assertThat(as(bob, notifications::unreadCount)).isZero();

        // Unwatching stops the replies.
        assertThat(as(bob, () -> subscriptions.unwatch(SubscriptionKind.THREAD, String.valueOf(t)))).isTrue();
        as(alice, () -> discussions.reply(t, "thanks all", null));
        assertThat(unread(bob)).isEmpty();
    }

    @Test
    void categoriesAndTagsAreWatchedAndPreferencesAreRespected() {
        String tag = "ebpf" + System.nanoTime() % 100_000;
        assertThat(as(carol, () -> subscriptions.watch(SubscriptionKind.CATEGORY, String.valueOf(category))).target())
                .isEqualTo(String.valueOf(category));
        as(bob, () -> subscriptions.watch(SubscriptionKind.TAG, "#" + tag.toUpperCase()));
        assertThat(as(bob, subscriptions::mine)).extracting(Subscription::kind, Subscription::target)
                .contains(org.assertj.core.groups.Tuple.tuple(SubscriptionKind.TAG, tag));

        long t = thread(alice, "Tracing with eBPF", "Which tools do you use?", tag);
        assertThat(unread(carol)).singleElement().extracting(Notification::kind).isEqualTo(NotificationKind.NEW_THREAD);
        assertThat(unread(bob)).singleElement().extracting(Notification::kind).isEqualTo(NotificationKind.NEW_THREAD);

        // bob no longer wants watched activity; mentions still reach him.
        as(bob, () -> {
            accounts.updatePreferences(new NotificationPreferences(true, true, false,
                    NotificationPreferences.EmailDigest.OFF));
            return null;
        });
        as(dave, () -> discussions.reply(t, "bpftrace, mostly", null));
        assertThat(unread(carol)).extracting(Notification::kind)
                .containsExactly(NotificationKind.WATCHED, NotificationKind.NEW_THREAD);
        assertThat(unread(bob)).hasSize(1);
        as(dave, () -> discussions.reply(t, "what do you think, @" + bob + "?", null));
        assertThat(unread(bob)).extracting(Notification::kind)
                .containsExactly(NotificationKind.MENTION, NotificationKind.NEW_THREAD);

        // What cannot be watched is refused in words.
        assertThatThrownBy(() -> as(bob, () -> subscriptions.watch(SubscriptionKind.THREAD, "99999999")))
                .isInstanceOf(NotificationException.class).hasMessage("notifications.error.no-thread");
        assertThatThrownBy(() -> as(bob, () -> subscriptions.watch(SubscriptionKind.TAG, "no spaces")))
                .isInstanceOf(NotificationException.class).hasMessage("notifications.error.tag");
    }

    @Test
    void openBrowsersHearTheNewUnreadCount() throws InterruptedException {
        BlockingQueue<Integer> counts = new ArrayBlockingQueue<>(10);
        Runnable stop = as(carol, () -> notifications.onUnreadCountChange(counts::add));
        try {
            long t = thread(alice, "Live counts", "ping @" + carol);
            assertThat(counts.poll(5, TimeUnit.SECONDS)).isEqualTo(1);
            as(bob, () -> discussions.reply(t, "@" + carol + " pong", null));
            assertThat(counts.poll(5, TimeUnit.SECONDS)).isEqualTo(2);
            as(carol, notifications::markAllRead);
            assertThat(counts.poll(5, TimeUnit.SECONDS)).isZero();
        } finally {
            stop.run();
        }
        long after = thread(alice, "After", "body");
        as(alice, () -> discussions.reply(after, "@" + carol, null));
        assertThat(counts.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void watchingTheSameThingTwiceAtOnceIsOneSubscription() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            long t = thread(alice, "Watched twice " + n, "body");
            String target = String.valueOf(t);
            List<Object> outcomes = Race.run(2, () -> as(bob, () -> subscriptions.watch(SubscriptionKind.THREAD,
                    target)));
            assertThat(outcomes).as("round %d", n).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(
                    Subscription.class, sub -> assertThat(sub.target()).isEqualTo(target)));
            assertThat(as(bob, subscriptions::mine)).filteredOn(sub -> sub.target().equals(target)).hasSize(1);
        }
        String tag = "twice" + System.nanoTime() % 100_000;
        as(bob, () -> subscriptions.watch(SubscriptionKind.TAG, tag));
        as(bob, () -> subscriptions.watch(SubscriptionKind.TAG, tag));
        assertThat(as(bob, subscriptions::mine)).filteredOn(sub -> sub.target().equals(tag)).hasSize(1);
    }

    static <T> T asModerator(Supplier<T> action) {
        return SignedIn.as("admin", action, "ROLE_ADMIN", "ROLE_MEMBER", "SCOPE_read", "SCOPE_community-write");
    }

    @Test
    void whatModeratorsHideIsNotToldAnyMore() {
        long t = thread(alice, "Shown thread " + System.nanoTime(), "opening");
        as(bob, () -> subscriptions.watch(SubscriptionKind.THREAD, String.valueOf(t)));
        long hidden = as(carol, () -> discussions.reply(t, "buy cheap pills here", null));
        long shown = as(dave, () -> discussions.reply(t, "a useful answer", null));
        assertThat(unread(bob)).extracting(Notification::postId).containsExactly(shown, hidden);

        asModerator(() -> {
            discussions.hidePost(hidden, true);
            return null;
        });
        assertThat(unread(bob)).extracting(Notification::postId).containsExactly(shown);
        assertThat(as(bob, () -> notifications.list(false, null, 50))).extracting(Notification::text)
                .noneMatch(text -> text.contains("pills"));
        assertThat(as(bob, notifications::unreadCount)).isEqualTo(1);

        // Shown again, it is back, unread.
        asModerator(() -> {
            discussions.hidePost(hidden, false);
            return null;
        });
        assertThat(unread(bob)).extracting(Notification::postId).containsExactly(shown, hidden);

        // A hidden thread takes every notification of its posts along, title and all.
        asModerator(() -> {
            discussions.hideThread(t, true);
            return null;
        });
        assertThat(as(bob, () -> notifications.list(false, null, 50))).noneMatch(n -> n.threadId() == t);
        assertThat(as(bob, notifications::unreadCount)).isZero();
        assertThat(as(bob, notifications::markAllRead)).isZero();
        asModerator(() -> {
            discussions.hideThread(t, false);
            return null;
        });
        assertThat(as(bob, notifications::unreadCount)).isEqualTo(2);
    }
}
