package org.sigportal.discussion;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.discussion.internal.JooqDiscussionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.sigportal.audit.AuditEntry;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.PortalException;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.Race;
import org.sigportal.support.SignedIn;
import org.sigportal.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Threads, replies, edits and search as members use them, on each supported database: keyset pages, filters,
 * conflicts that keep both texts, the edit history, search in Chinese and English, and hostile Markdown.
 */
abstract class DiscussionContract {

    @Autowired
    DiscussionService discussions;
    @Autowired
    JooqDiscussionRepository repository;
    @Autowired
    UserAccountService accounts;
    @Autowired
    AuditService audit;

    String alice;
    String bob;
    String carol;
    long category;

    @BeforeEach
    void membersAndACategory() {
        alice = member("alice");
        bob = member("bob");
        // A contributor: holds a role beyond member, so may post links from the start.
        carol = member("carol");
        SignedIn.asAdmin(() -> accounts.changeRoles(carol, accounts.findByUsername(carol).orElseThrow().version(),
                Set.of("MEMBER", "CONTRIBUTOR")));
        String slug = "sig-" + TestAccounts.uniqueUsername("c").replaceAll("[^a-z0-9]", "").toLowerCase();
        category = SignedIn.asAdmin(() -> discussions.createCategory(slug, "Test SIG " + slug, "for tests")).id();
    }

    private String member(String prefix) {
        String name = TestAccounts.uniqueUsername(prefix);
        accounts.signUp(new SignUpRequest(name, prefix + " Display", name + "@example.org", "member-password-1"));
        return name;
    }

    <T> T as(String user, Supplier<T> action) {
        return SignedIn.as(user, action, "ROLE_MEMBER", "SCOPE_read", "SCOPE_community-write");
    }

    long thread(String user, String title, String body, String... tags) {
        return as(user, () -> discussions.startThread(new NewThread(category, title, body, List.of(tags))));
    }

    @Test
    void aMemberStartsAThreadOthersReplyAndTheThreadMovesToTheTop() {
        long older = thread(alice, "Older thread", "first");
        long t = thread(alice, "LifseaOS upgrade plan", "We upgrade **zone by zone**.", "lifseaos", "Upgrade");
        long reply = as(bob, () -> discussions.reply(t, "Which zone first?", null));
        as(bob, () -> discussions.reply(older, "bumping the older one", null));

        ThreadDetail detail = discussions.thread(t).orElseThrow();
        assertThat(detail.thread().title()).isEqualTo("LifseaOS upgrade plan");
        assertThat(detail.thread().replyCount()).isEqualTo(1);
        assertThat(detail.thread().tags()).containsExactly("lifseaos", "upgrade");
        assertThat(detail.posts()).extracting(Post::id).endsWith(reply);
        assertThat(detail.posts().getFirst().html()).contains("<strong>zone by zone</strong>");

        // Latest activity first: the older thread got the latest reply.
        ThreadPage page = discussions.threads(new ThreadQuery(category, null, null, null, 10));
        assertThat(page.threads()).extracting(ThreadSummary::id).containsExactly(older, t);
        // Unread markers: alice has not read bob's reply yet.
        assertThat(as(alice, () -> discussions.threads(new ThreadQuery(category, null, null, null, 10))).threads())
                .allMatch(ThreadSummary::unread);
        as(alice, () -> {
            discussions.markRead(t, reply);
            return null;
        });
        assertThat(as(alice, () -> discussions.threads(new ThreadQuery(category, null, null, null, 10))).threads())
                .filteredOn(s -> s.id() == t).allMatch(s -> !s.unread());
    }

    @Test
    void keysetPagesWalkEveryThreadOnceAndFiltersApply() {
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(thread(bob, "Thread " + i, "body " + i, i % 2 == 0 ? "even" : "odd"));
        }
        List<Long> seen = new ArrayList<>();
        ThreadPage.Cursor cursor = null;
        int pages = 0;
        do {
            ThreadPage page = discussions.threads(new ThreadQuery(category, null, null, cursor, 3));
            page.threads().forEach(s -> seen.add(s.id()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).containsExactlyInAnyOrderElementsOf(created);
        assertThat(ThreadPage.Cursor.decode(new ThreadPage.Cursor(java.time.OffsetDateTime.parse(
                "2026-01-02T03:04:05.678Z"), 42).encode()).id()).isEqualTo(42);

        assertThat(discussions.threads(new ThreadQuery(category, "even", null, null, 50)).threads()).hasSize(4);
        long answered = seen.getFirst();
        long author = answered;
        as(bob, () -> {
            discussions.setStatus(author, ThreadStatus.ANSWERED);
            return null;
        });
        assertThat(discussions.threads(new ThreadQuery(category, null, ThreadStatus.ANSWERED, null, 50)).threads())
                .extracting(ThreadSummary::id).containsExactly(answered);
        // Locking is for moderators.
        assertThatThrownBy(() -> as(bob, () -> {
            discussions.setStatus(author, ThreadStatus.LOCKED);
            return null;
        })).isInstanceOf(PortalException.class);
    }

    @Test
    void concurrentEditsEndInAConflictThatKeepsBothTextsAndTheHistoryIsVisible() {
        long t = thread(alice, "Runtime classes", "runc for most, rund for untrusted code");
        Post opening = discussions.thread(t).orElseThrow().posts().getFirst();

        as(alice, () -> {
            discussions.editPost(opening.id(), opening.version(), "runc for most; **rund** for untrusted code",
                    "Runtime classes per workload");
            return null;
        });
        // A second editor still holds the first version.
        assertThatThrownBy(() -> as(alice, () -> {
            discussions.editPost(opening.id(), opening.version(), "my stale text", null);
            return null;
        })).isInstanceOfSatisfying(PostConflictException.class, e -> {
            assertThat(e.yours()).isEqualTo("my stale text");
            assertThat(e.theirs()).isEqualTo("runc for most; **rund** for untrusted code");
            assertThat(e.currentVersion()).isEqualTo(opening.version() + 1);
        });
        Post now = discussions.thread(t).orElseThrow().posts().getFirst();
        assertThat(now.body()).isEqualTo("runc for most; **rund** for untrusted code");
        assertThat(now.revisions()).isEqualTo(1);
        assertThat(discussions.thread(t).orElseThrow().thread().title()).isEqualTo("Runtime classes per workload");
        assertThat(discussions.history(opening.id())).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("runc for most, rund for untrusted code");
            assertThat(r.title()).isEqualTo("Runtime classes");
            assertThat(r.editedBy()).isEqualTo(alice);
        });
        // Others cannot edit it.
        assertThatThrownBy(() -> as(bob, () -> {
            discussions.editPost(opening.id(), now.version(), "hijack", null);
            return null;
        })).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discussions.error.not-yours"));
    }

    @Test
    void aHiddenNewestReplyDoesNotLeaveTheThreadUnreadForMembersWhoCannotSeeIt() {
        long t = thread(alice, "Hidden newest reply", "first");
        long seen = as(bob, () -> discussions.reply(t, "a visible reply", null));
        as(alice, () -> {
            discussions.markRead(t, seen);
            return null;
        });
        long spam = as(bob, () -> discussions.reply(t, "spam that a moderator hides", null));
        assertThat(as(alice, () -> discussions.threads(new ThreadQuery(category, null, null, null, 50))).threads())
                .filteredOn(s -> s.id() == t).singleElement().satisfies(s -> assertThat(s.unread()).isTrue());
        asModerator(() -> {
            discussions.hidePost(spam, true);
            return null;
        });
        assertThat(as(alice, () -> discussions.threads(new ThreadQuery(category, null, null, null, 50))).threads())
                .filteredOn(s -> s.id() == t).singleElement().satisfies(s -> assertThat(s.unread()).isFalse());
        asModerator(() -> {
            discussions.hidePost(spam, false);
            return null;
        });
        assertThat(as(alice, () -> discussions.threads(new ThreadQuery(category, null, null, null, 50))).threads())
                .as("shown again, the reply is new to her").filteredOn(s -> s.id() == t).singleElement()
                .satisfies(s -> assertThat(s.unread()).isTrue());
    }

    @Test
    void searchFindsTheOlderMatchesBeyondTheNewestPostsItReadsFirst() {
        String marker = "zr" + Long.toString(System.nanoTime() % 1_000_000, 36);
        long old = thread(alice, "Attestation " + marker, "The oldest post on " + marker + ".");
        as(alice, () -> discussions.reply(old, "A reply on " + marker + " too.", null));
        for (int i = 0; i < 3; i++) {
            thread(carol, "Unrelated " + i, "Nothing to find here.");
        }
        long newest = thread(bob, "Newest " + marker, "The newest post on " + marker + ".");
        as(carol, () -> discussions.reply(newest, "Nothing to find here either.", null));
        // On PostgreSQL the first step reads only the newest posts (three here): one match is among them, the
        // other two must come from the index over the older posts. On H2 there is one step; the answer is the same.
        Object scan = ReflectionTestUtils.getField(repository, "recentScan");
        ReflectionTestUtils.setField(repository, "recentScan", 3);
        try {
            assertThat(discussions.search(marker, 10)).extracting(SearchHit::threadId)
                    .containsExactlyInAnyOrder(newest, old, old);
        } finally {
            ReflectionTestUtils.setField(repository, "recentScan", scan);
        }
    }

    @Test
    void searchFindsChineseTermsByBigramAndEnglishWordForms() {
        String marker = "zq" + Long.toString(System.nanoTime() % 1_000_000, 36);
        long storage = thread(alice, "云原生存储方案选型 " + marker, "本地盘还是分布式块存储?");
        long confidential = thread(bob, "机密容器的远程证明 " + marker, "Attestation happens inside the TEE.");
        long upgrades = thread(alice, "Kernel " + marker, "We are upgrading the kernels of all nodes.");
        as(bob, () -> discussions.reply(upgrades, "Upgraded containers restart automatically.", null));

        assertThat(discussions.search("存储 " + marker, 10)).extracting(SearchHit::threadId).containsOnly(storage);
        assertThat(discussions.search("机密 " + marker, 10)).extracting(SearchHit::threadId)
                .containsOnly(confidential);
        // A two-character term that only appears split across words does not match.
        assertThat(discussions.search("储块 " + marker, 10)).isEmpty();
        // English word forms: upgrade ~ upgrading ~ upgraded.
        assertThat(discussions.search("upgrade " + marker, 10)).extracting(SearchHit::threadId)
                .containsOnly(upgrades);
        assertThat(discussions.search("upgrade container", 10)).extracting(SearchHit::threadId).contains(upgrades);
        SearchHit hit = discussions.search("存储 " + marker, 10).getFirst();
        assertThat(hit.excerpt()).anySatisfy(f -> {
            assertThat(f.match()).isTrue();
            assertThat(f.text()).contains("存储");
        });
        assertThat(discussions.search("   ", 10)).isEmpty();
        assertThat(discussions.search("a & b | !c:* 'x' \\", 10)).isNotNull();
    }

    @Test
    void newAccountsPostNoLinksAndFastPostersAreSlowedDown() {
        assertThatThrownBy(() -> thread(bob, "Spam?", "Buy now at https://spam.example"))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("discussions.error.links-too-early"));
        assertThatThrownBy(() -> thread(bob, "Spam?", "[cheap](http://spam.example)"))
                .isInstanceOf(PortalException.class);
        long ok = thread(carol, "A useful link", "See https://openanolis.cn for the SIG pages.");
        assertThat(discussions.thread(ok)).isPresent();
        // Every form a reader gets as a link counts: e-mail addresses too, however they are written.
        for (String spam : List.of("Write to sales@spam.example for a deal",
                "Write [to us][r] for a deal\n\n[r]: mailto:sales@spam.example",
                "Write to <mailto:sales@spam.example> for a deal",
                "Reference-style [deal][d]\n\n[d]: https://spam.example/deal",
                "Go to www.spam.example today")) {
            assertThatThrownBy(() -> thread(bob, "Spam?", spam)).as(spam)
                    .isInstanceOfSatisfying(PortalException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("discussions.error.links-too-early"));
        }
        // The portal's own references and mentions are no links of the member's, and text that only looks like
        // a link's syntax is none.
        long own = thread(bob, "Follow-up", "As T-1 and REQ-2 say, ask @" + alice + " (see [this] and `https://x`)");
        assertThat(discussions.thread(own).orElseThrow().posts().getFirst().html()).contains("href=\"/discuss/t/1\"");
        long replyOwn = as(bob, () -> discussions.reply(own, "Also MTG-3, @" + carol + ".", null));
        Post post = discussions.thread(own).orElseThrow().posts().getLast();
        assertThat(post.id()).isEqualTo(replyOwn);
        // Edits are held to the same rule.
        assertThatThrownBy(() -> as(bob, () -> {
            discussions.editPost(replyOwn, post.version(), "Also <mailto:sales@spam.example>", null);
            return null;
        })).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discussions.error.links-too-early"));

        // Ten posts a minute, then a refusal that says how long to wait.
        long t = thread(alice, "Busy thread", "first");
        for (int i = 0; i < 9; i++) {
            int n = i;
            as(alice, () -> discussions.reply(t, "reply " + n, null));
        }
        assertThatThrownBy(() -> as(alice, () -> discussions.reply(t, "one too many", null)))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("discussions.error.rate-limit");
                    assertThat((Long) e.arguments()[0]).isPositive();
                });
        assertThat(discussions.thread(t).orElseThrow().posts()).hasSize(10);
    }

    <T> T asModerator(Supplier<T> action) {
        return SignedIn.as("admin", action, "ROLE_ADMIN", "ROLE_MEMBER", "SCOPE_read", "SCOPE_community-write");
    }

    @Test
    void moderatorsPinHideMoveAndMergeAndWorkTheFlagQueue() {
        long a = thread(alice, "Duplicate question", "How do I pin LifseaOS versions?");
        long b = thread(bob, "Pinning OS versions", "Same question, asked again");
        long reply = as(bob, () -> discussions.reply(a, "Spammy reply", null));

        as(alice, () -> {
            discussions.flag(reply, "advertising");
            return null;
        });
        assertThatThrownBy(() -> as(alice, () -> {
            discussions.flag(reply, "again");
            return null;
        })).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discussions.error.flagged-before"));
        assertThat(asModerator(discussions::moderationQueue)).anySatisfy(f -> {
            assertThat(f.postId()).isEqualTo(reply);
            assertThat(f.reason()).isEqualTo("advertising");
        });
        assertThatThrownBy(() -> as(bob, discussions::moderationQueue)).isInstanceOf(AccessDeniedException.class);

        asModerator(() -> {
            discussions.hidePost(reply, true);
            discussions.pin(b, true);
            return null;
        });
        assertThat(asModerator(discussions::moderationQueue)).noneMatch(f -> f.postId() == reply);
        assertThat(discussions.thread(a).orElseThrow().posts()).extracting(Post::id).doesNotContain(reply);
        assertThat(asModerator(() -> discussions.thread(a).orElseThrow().posts())).extracting(Post::id)
                .contains(reply);
        assertThat(discussions.pinned(category)).extracting(ThreadSummary::id).contains(b);
        assertThat(discussions.threads(new ThreadQuery(category, null, null, null, 50)).threads())
                .extracting(ThreadSummary::id).doesNotContain(b);

        long other = SignedIn.asAdmin(() -> discussions.createCategory("moved-" + Math.abs(System.nanoTime() % 100000),
                "Moved here", null)).id();
        asModerator(() -> {
            discussions.move(b, other);
            discussions.merge(a, b);
            return null;
        });
        assertThat(discussions.thread(b).orElseThrow().thread().categoryId()).isEqualTo(other);
        ThreadDetail merged = discussions.thread(b).orElseThrow();
        assertThat(merged.posts()).extracting(Post::body).contains("How do I pin LifseaOS versions?",
                "Same question, asked again");
        assertThat(merged.posts()).filteredOn(Post::opening).hasSize(1);
        assertThat(discussions.thread(a)).isEmpty();
        assertThat(discussions.mergedInto(a)).contains(b);
        assertThatThrownBy(() -> as(alice, () -> {
            discussions.pin(a, true);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void hostileMarkdownIsRenderedHarmlessAndBadInputIsRefusedWithAReason() {
        long t = thread(carol, "Hostile", """
                <script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>
                ![x](https://evil.example/x.png)""");
        String html = discussions.thread(t).orElseThrow().posts().getFirst().html();
        // Raw HTML shows as text; the javascript: link is no link; the image from an unlisted host is a link.
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript");
        assertThat(html).contains("&lt;script&gt;").contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;")
                .containsPattern("<a href=\"https://evil.example/x.png\" rel=\"[a-z ]*nofollow[a-z ]*\">");
        assertThat(html).containsPattern("rel=\"[a-z ]*noopener[a-z ]*\"");

        assertThatThrownBy(() -> thread(bob, " ", "body")).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.field()).isEqualTo("title"));
        assertThatThrownBy(() -> thread(bob, "title", "  ")).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discussions.error.body"));
        assertThatThrownBy(() -> thread(bob, "title", "body", "a", "b", "c", "d", "e", "f"))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("discussions.error.too-many-tags"));
        assertThatThrownBy(() -> thread(bob, "title", "x".repeat(70_000))).isInstanceOf(PortalException.class);
        // Visitors read but do not write; only admins and maintainers make categories.
        assertThatThrownBy(() -> discussions.startThread(new NewThread(category, "t", "b", List.of())))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> as(bob, () -> discussions.createCategory("bobs", "Bob's", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** The audit entries of one action on one target (the filter's text matches parts of ids too). */
    List<AuditEntry> audited(String action, String targetType, long id) {
        return SignedIn.asAdmin(() -> audit.find(new AuditFilter(null, action, AuditOutcome.SUCCESS, null, null,
                String.valueOf(id)), 0, 500)).stream()
                .filter(e -> targetType.equals(e.targetType()) && String.valueOf(id).equals(e.targetId())).toList();
    }

    @Test
    void everyModerationActionIsInTheAuditTrail() {
        long a = thread(alice, "Audited thread", "opening");
        long b = thread(bob, "Audited duplicate", "same again");
        long reply = as(bob, () -> discussions.reply(a, "a reply to flag and hide", null));
        long other = SignedIn.asAdmin(() -> discussions.createCategory("audit-" + Math.abs(System.nanoTime() % 100000),
                "Audit moves", null)).id();

        as(alice, () -> {
            discussions.flag(reply, "off topic");
            return null;
        });
        asModerator(() -> {
            discussions.pin(a, true);
            discussions.pin(a, false);
            discussions.setStatus(a, ThreadStatus.LOCKED);
            discussions.setStatus(a, ThreadStatus.OPEN);
            discussions.hidePost(reply, true);
            discussions.hidePost(reply, false);
            discussions.hideThread(b, true);
            discussions.hideThread(b, false);
            discussions.move(b, other);
            discussions.merge(b, a);
            discussions.dismissFlags(reply);
            return null;
        });

        assertThat(audited("discussion.post.flag", "post", reply)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(alice));
        assertThat(audited("discussion.thread.pin", "thread", a)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("admin"));
        assertThat(audited("discussion.thread.unpin", "thread", a)).hasSize(1);
        assertThat(audited("discussion.thread.status", "thread", a)).extracting(AuditEntry::detail)
                .containsExactlyInAnyOrder("LOCKED", "OPEN");
        assertThat(audited("discussion.post.hide", "post", reply)).hasSize(1);
        assertThat(audited("discussion.post.unhide", "post", reply)).hasSize(1);
        assertThat(audited("discussion.thread.hide", "thread", b)).hasSize(1);
        assertThat(audited("discussion.thread.unhide", "thread", b)).hasSize(1);
        Category moved = discussions.categories().stream().filter(c -> c.id() == other).findFirst().orElseThrow();
        assertThat(audited("discussion.thread.move", "thread", b)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(moved.slug()));
        assertThat(audited("discussion.thread.merge", "thread", b)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("into " + a));
        assertThat(audited("discussion.flags.dismiss", "post", reply)).hasSize(1);
    }

    @Test
    void aLockedThreadTakesNoRepliesNorEditsExceptFromModerators() {
        long t = thread(alice, "Soon locked", "the opening text");
        long reply = as(bob, () -> discussions.reply(t, "a reply before the lock", null));
        asModerator(() -> {
            discussions.setStatus(t, ThreadStatus.LOCKED);
            return null;
        });
        Post opening = discussions.thread(t).orElseThrow().posts().getFirst();
        Post bobs = discussions.thread(t).orElseThrow().posts().getLast();

        assertThatThrownBy(() -> as(alice, () -> {
            discussions.editPost(opening.id(), opening.version(), "changed after the lock", "New title");
            return null;
        })).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discussions.error.locked-edit"));
        assertThatThrownBy(() -> as(bob, () -> {
            discussions.editPost(reply, bobs.version(), "changed after the lock", null);
            return null;
        })).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discussions.error.locked-edit"));
        assertThatThrownBy(() -> as(bob, () -> discussions.reply(t, "one more", null)))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("discussions.error.locked"));
        // The author may not unlock it either.
        assertThatThrownBy(() -> as(alice, () -> {
            discussions.setStatus(t, ThreadStatus.OPEN);
            return null;
        })).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discussions.error.not-allowed"));
        ThreadDetail locked = discussions.thread(t).orElseThrow();
        assertThat(locked.thread().title()).isEqualTo("Soon locked");
        assertThat(locked.posts()).extracting(Post::body).containsExactly("the opening text",
                "a reply before the lock");

        // Moderators still may edit, and unlock.
        asModerator(() -> {
            discussions.editPost(reply, bobs.version(), "edited by a moderator", null);
            discussions.setStatus(t, ThreadStatus.OPEN);
            return null;
        });
        as(alice, () -> {
            discussions.editPost(opening.id(), opening.version(), "changed after the unlock", null);
            return null;
        });
        assertThat(discussions.thread(t).orElseThrow().posts()).extracting(Post::body)
                .containsExactly("changed after the unlock", "edited by a moderator");
    }

    @Test
    void hiddenRepliesDoNotCountAndCountAgainWhenShown() {
        long t = thread(alice, "Counted", "opening");
        long first = as(bob, () -> discussions.reply(t, "first reply", null));
        as(carol, () -> discussions.reply(t, "second reply", null));
        assertThat(discussions.thread(t).orElseThrow().thread().replyCount()).isEqualTo(2);

        asModerator(() -> {
            discussions.hidePost(first, true);
            return null;
        });
        assertThat(discussions.thread(t).orElseThrow().thread().replyCount()).isEqualTo(1);
        assertThat(discussions.threads(new ThreadQuery(category, null, null, null, 50)).threads())
                .filteredOn(s -> s.id() == t).singleElement().satisfies(s -> assertThat(s.replyCount()).isEqualTo(1));
        // Hiding it again changes nothing.
        asModerator(() -> {
            discussions.hidePost(first, true);
            return null;
        });
        assertThat(discussions.thread(t).orElseThrow().thread().replyCount()).isEqualTo(1);

        asModerator(() -> {
            discussions.hidePost(first, false);
            discussions.hidePost(first, false);
            return null;
        });
        assertThat(discussions.thread(t).orElseThrow().thread().replyCount()).isEqualTo(2);

        // Merging counts the visible replies only.
        long dup = thread(bob, "Counted again", "duplicate opening");
        long hiddenInDup = as(alice, () -> discussions.reply(dup, "hidden in the duplicate", null));
        asModerator(() -> {
            discussions.hidePost(hiddenInDup, true);
            discussions.merge(dup, t);
            return null;
        });
        // two replies, the duplicate's opening post; its hidden reply does not count
        assertThat(discussions.thread(t).orElseThrow().thread().replyCount()).isEqualTo(3);
    }

    @Test
    void theHistoryOfHiddenPostsIsOnlyForModerators() {
        long t = thread(alice, "History", "first text");
        long reply = as(bob, () -> discussions.reply(t, "reply, first text", null));
        Post opening = discussions.thread(t).orElseThrow().posts().getFirst();
        as(alice, () -> {
            discussions.editPost(opening.id(), opening.version(), "second text", null);
            return null;
        });
        as(bob, () -> {
            discussions.editPost(reply, 0, "reply, second text", null);
            return null;
        });
        assertThat(discussions.history(reply)).extracting(PostRevision::body).containsExactly("reply, first text");

        asModerator(() -> {
            discussions.hidePost(reply, true);
            return null;
        });
        assertThatThrownBy(() -> discussions.history(reply)).isInstanceOfSatisfying(PortalException.class, e -> {
            assertThat(e.kind()).isEqualTo(PortalException.Kind.NOT_FOUND);
            assertThat(e.messageKey()).isEqualTo("discussions.error.no-post");
        });
        assertThatThrownBy(() -> as(bob, () -> discussions.history(reply))).isInstanceOf(PortalException.class);
        assertThat(asModerator(() -> discussions.history(reply))).extracting(PostRevision::body)
                .containsExactly("reply, first text");

        // A hidden thread hides the history of every post in it.
        assertThat(discussions.history(opening.id())).extracting(PostRevision::body).containsExactly("first text");
        asModerator(() -> {
            discussions.hideThread(t, true);
            return null;
        });
        assertThatThrownBy(() -> as(alice, () -> discussions.history(opening.id())))
                .isInstanceOf(PortalException.class);
        assertThat(asModerator(() -> discussions.history(opening.id()))).hasSize(1);
        assertThatThrownBy(() -> discussions.history(Long.MAX_VALUE)).isInstanceOf(PortalException.class);
    }

    @Test
    void aNulCharacterIsDroppedFromWhatMembersWriteOnEveryDatabase() {
        long t = thread(alice, "Nul\u0000 title", "body\u0000 with a nul", "ta\u0000g");
        ThreadDetail detail = discussions.thread(t).orElseThrow();
        assertThat(detail.thread().title()).isEqualTo("Nul title");
        assertThat(detail.thread().tags()).containsExactly("tag");
        assertThat(detail.posts().getFirst().body()).isEqualTo("body with a nul");

        long reply = as(bob, () -> discussions.reply(t, "\u0000reply\u0000", null));
        as(bob, () -> {
            discussions.editPost(reply, 0, "edited\u0000 reply", null);
            return null;
        });
        as(alice, () -> {
            discussions.editPost(detail.posts().getFirst().id(), 0, "new\u0000 body", "New\u0000 title");
            discussions.flag(reply, "reason\u0000 here");
            return null;
        });
        ThreadDetail after = discussions.thread(t).orElseThrow();
        assertThat(after.thread().title()).isEqualTo("New title");
        assertThat(after.posts()).extracting(Post::body).containsExactly("new body", "edited reply");
        assertThat(asModerator(discussions::moderationQueue)).filteredOn(f -> f.postId() == reply)
                .extracting(FlaggedPost::reason).containsExactly("reason here");
        // Nothing read-only trips over one either.
        assertThat(discussions.threads(new ThreadQuery(category, "ta\u0000g", null, null, 10)).threads())
                .extracting(ThreadSummary::id).containsExactly(t);
        assertThat(discussions.search("\u0000", 10)).isEmpty();
        assertThat(discussions.search("nul\u0000 body", 10)).isNotNull();
        assertThat(as(bob, () -> discussions.mentionCandidates("@\u0000" + alice.substring(0, 3)))).isNotNull();
        // Nor do category names and descriptions.
        Category c = SignedIn.asAdmin(() -> discussions.createCategory("nul-" + Math.abs(System.nanoTime() % 100000),
                "Nul\u0000 name", "a\u0000 description"));
        assertThat(c.name()).isEqualTo("Nul name");
        assertThat(c.description()).isEqualTo("a description");
    }

    @Test
    void twoFirstReadsOfAThreadAtOnceBothSucceed() {
        for (int i = 0; i < 6; i++) {
            int n = i;
            long t = asModerator(() -> discussions.startThread(new NewThread(category, "Raced " + n, "body",
                    List.of())));
            long post = discussions.thread(t).orElseThrow().posts().getFirst().id();
            List<Object> outcomes = Race.run(2, () -> as(bob, () -> {
                discussions.markRead(t, post);
                return "read";
            }));
            assertThat(outcomes).as("round %d", n).containsExactly("read", "read");
            assertThat(as(bob, () -> discussions.threads(new ThreadQuery(category, null, null, null, 50))).threads())
                    .filteredOn(s -> s.id() == t).singleElement().satisfies(s -> assertThat(s.unread()).isFalse());
        }
        // Reading again, and reading an older post, keep the mark where it is.
        long t = asModerator(() -> discussions.startThread(new NewThread(category, "Read twice", "body", List.of())));
        long reply = asModerator(() -> discussions.reply(t, "a reply", null));
        long opening = discussions.thread(t).orElseThrow().posts().getFirst().id();
        as(bob, () -> {
            discussions.markRead(t, reply);
            discussions.markRead(t, reply);
            discussions.markRead(t, opening);
            return null;
        });
        assertThat(as(bob, () -> discussions.threads(new ThreadQuery(category, null, null, null, 50))).threads())
                .filteredOn(s -> s.id() == t).singleElement().satisfies(s -> assertThat(s.unread()).isFalse());
    }

    @Test
    void twoFlagsOfThePostAtOnceEndInOneFlagAndAReadableRefusal() {
        long t = asModerator(() -> discussions.startThread(new NewThread(category, "Flag race", "body", List.of())));
        for (int i = 0; i < 5; i++) {
            int n = i;
            long reply = asModerator(() -> discussions.reply(t, "reply " + n, null));
            List<Object> outcomes = Race.run(2, () -> as(alice, () -> {
                discussions.flag(reply, "spam " + n);
                return "flagged";
            }));
            assertThat(outcomes).as("round %d", n).containsOnlyOnce("flagged").allSatisfy(o -> {
                if (!"flagged".equals(o)) {
                    assertThat(o).isInstanceOfSatisfying(PortalException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("discussions.error.flagged-before"));
                }
            });
            assertThat(asModerator(discussions::moderationQueue)).filteredOn(f -> f.postId() == reply).hasSize(1);
        }
    }

    <T> T asMaintainer(String name, Supplier<T> action) {
        return SignedIn.as(name, action, "ROLE_MAINTAINER", "ROLE_MEMBER", "SCOPE_read", "SCOPE_community-write");
    }

    @Test
    void adminsAndMaintainersManageCategoriesWithinWhatTheDatabaseHolds() {
        String slug = "cat-" + Math.abs(System.nanoTime() % 1_000_000);
        Category made = asMaintainer(carol, () -> discussions.createCategory(slug, "Storage SIG", "存".repeat(1000)));
        assertThat(made.description()).hasSize(1000);

        Category renamed = asMaintainer(carol, () -> discussions.updateCategory(made.id(), made.version(),
                "Storage and backup SIG", "Disks, volumes and backups", 7));
        assertThat(renamed.slug()).isEqualTo(slug);
        assertThat(renamed.name()).isEqualTo("Storage and backup SIG");
        assertThat(renamed.description()).isEqualTo("Disks, volumes and backups");
        assertThat(renamed.position()).isEqualTo(7);
        assertThat(renamed.version()).isEqualTo(made.version() + 1);
        assertThat(discussions.categoryBySlug(slug)).contains(renamed);
        // No position: it stays; a blank description is none.
        Category described = SignedIn.asAdmin(() -> discussions.updateCategory(made.id(), renamed.version(),
                "Storage and backup SIG", "  ", null));
        assertThat(described.position()).isEqualTo(7);
        assertThat(described.description()).isNull();
        assertThat(SignedIn.asAdmin(() -> audit.find(new AuditFilter(null, "discussion.category.update",
                AuditOutcome.SUCCESS, null, null, slug), 0, 10))).extracting(AuditEntry::actor)
                .containsExactlyInAnyOrder(carol, "admin");

        // Someone saved in between: refused, nothing overwritten.
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> discussions.updateCategory(made.id(), renamed.version(),
                "Stale", null, null))).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.kind()).isEqualTo(PortalException.Kind.CONFLICT));
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> discussions.updateCategory(Long.MAX_VALUE, 0, "Nothing",
                null, null))).isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PortalException.Kind.NOT_FOUND);
                    assertThat(e.messageKey()).isEqualTo("discussions.error.no-category");
                });

        // Too long for the columns: a message naming the field, not a database error.
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> discussions.createCategory(slug + "-long", "Long",
                "x".repeat(1001)))).isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.field()).isEqualTo("description");
                    assertThat(e.messageKey()).isEqualTo("discussions.error.category-description");
                    assertThat(e.arguments()).containsExactly(1000);
                });
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> discussions.updateCategory(made.id(), described.version(),
                "Long", "y".repeat(1001), null))).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.field()).isEqualTo("description"));
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> discussions.updateCategory(made.id(), described.version(),
                "n".repeat(121), null, null))).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> discussions.createCategory("s".repeat(65), "Long slug",
                null))).isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.field()).isEqualTo("slug"));
        String longest = ("l" + System.nanoTime() + "0".repeat(64)).substring(0, 63) + "l";
        assertThat(SignedIn.asAdmin(() -> discussions.createCategory(longest, "Longest slug", null)).slug())
                .isEqualTo(longest).hasSize(64);
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> discussions.updateCategory(made.id(), described.version(),
                "Name", null, -1))).isInstanceOfSatisfying(PortalException.class,
                e -> assertThat(e.field()).isEqualTo("position"));
        assertThatThrownBy(() -> SignedIn.asAdmin(() -> discussions.createCategory(slug, "Again", null)))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("discussions.error.slug-taken"));
        assertThat(discussions.categoryBySlug(slug)).contains(described);

        // Members do not manage categories.
        assertThatThrownBy(() -> as(bob, () -> discussions.updateCategory(made.id(), described.version(), "Mine",
                null, null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTermInTheTitleCountsMoreThanTheSameTermInTheText() {
        String marker = "zr" + Long.toString(System.nanoTime() % 1_000_000, 36);
        long inTitle = thread(alice, "Kernel " + marker, "About the new release.");
        long inText = thread(bob, "Release " + marker, "The kernel, the kernel, and the kernel again: kernel.");
        assertThat(discussions.search("kernel " + marker, 10)).extracting(SearchHit::threadId)
                .containsExactly(inTitle, inText);

        // A reply counts its thread's title too: saying the term once there beats saying it thrice elsewhere.
        String other = "zs" + Long.toString(System.nanoTime() % 1_000_000, 36);
        long scheduling = thread(alice, "Scheduler " + other, "an opening post");
        long elsewhere = thread(bob, "Elsewhere " + other, "another opening post");
        long underTitle = as(carol, () -> discussions.reply(scheduling, "the scheduler " + other, null));
        long onlyText = as(carol, () -> discussions.reply(elsewhere, "scheduler, scheduler, scheduler " + other,
                null));
        List<Long> posts = discussions.search("scheduler " + other, 10).stream().map(SearchHit::postId).toList();
        assertThat(posts).contains(underTitle, onlyText);
        assertThat(posts.indexOf(underTitle)).isLessThan(posts.indexOf(onlyText));
        assertThat(posts.getLast()).isEqualTo(onlyText);
    }
}
