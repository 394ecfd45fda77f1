package org.sigportal.discussion;

import org.jspecify.annotations.Nullable;
import org.sigportal.audit.AuditService;
import org.sigportal.base.CurrentActor;
import org.sigportal.base.PortalException;
import org.sigportal.base.Roles;
import org.sigportal.base.markdown.SafeMarkdown;
import org.sigportal.base.search.Highlighter;
import org.sigportal.base.search.SearchQuery;
import org.sigportal.base.search.SearchTokens;
import org.sigportal.discussion.internal.JooqDiscussionRepository;
import org.sigportal.discussion.internal.JooqDiscussionRepository.StoredPost;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Categories, threads and posts. Anyone may read; members write (with the community-write scope over the API);
 * authors edit their own posts with optimistic locking and a visible history; admins and maintainers manage
 * categories and thread status.
 */
@Service
public class DiscussionService {

    static final String WRITE = "hasRole('MEMBER') and hasAuthority('SCOPE_community-write')";
    static final String MANAGE = "(hasRole('ADMIN') or hasRole('MAINTAINER')) and hasAuthority('SCOPE_community-write')";

    /** The longest short name, name and description of a category (the database columns hold no more). */
    public static final int SLUG_MAX = 64;
    public static final int CATEGORY_NAME_MAX = 120;
    public static final int CATEGORY_DESCRIPTION_MAX = 1000;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0," + (SLUG_MAX - 2) + "}[a-z0-9])?");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,39}");
    private static final int MAX_TAGS = 5;
    /** Search ranks only this many of the newest matching posts (see {@link #search}). */
    static final int SEARCH_WINDOW = 500;

    private final JooqDiscussionRepository repository;
    private final SafeMarkdown markdown;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final org.sigportal.discussion.internal.PostingRules rules;

    DiscussionService(JooqDiscussionRepository repository, SafeMarkdown markdown, AuditService audit, Clock clock,
                      ApplicationEventPublisher events, org.sigportal.discussion.internal.PostingRules rules) {
        this.repository = repository;
        this.rules = rules;
        this.markdown = markdown.withPostProcessors(new org.sigportal.discussion.internal.ShortReferences());
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    // --- reading (open to visitors)

    public List<Category> categories() {
        return repository.categories();
    }

    public Optional<Category> categoryBySlug(String slug) {
        return repository.categories().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public ThreadPage threads(ThreadQuery query) {
        ThreadQuery q = query.tag() == null ? query : new ThreadQuery(query.categoryId(), withoutNul(query.tag()),
                query.status(), query.after(), query.limit());
        return repository.threads(q, readerId(), moderator());
    }

    public List<ThreadSummary> pinned(@Nullable Long categoryId) {
        return repository.pinned(categoryId, readerId());
    }

    public List<String> popularTags() {
        return repository.popularTags(20);
    }

    /** The thread with its posts; hidden posts show only to moderators. */
    public Optional<ThreadDetail> thread(long id) {
        Optional<ThreadSummary> thread = repository.thread(id, readerId());
        if (thread.isEmpty() || thread.get().hidden() && !moderator()) {
            return Optional.empty();
        }
        Map<Long, Integer> revisions = repository.revisionCounts(id);
        boolean moderator = moderator();
        List<Post> posts = repository.posts(id).stream().filter(p -> !p.hidden() || moderator)
                .map(p -> toPost(p, revisions.getOrDefault(p.id(), 0))).toList();
        return Optional.of(new ThreadDetail(thread.get(), posts));
    }

    /**
     * Every earlier text of a post, newest first: visible to all who may see the post, so for a hidden post or a
     * post in a hidden thread only to moderators (to others such a post does not exist).
     */
    public List<PostRevision> history(long postId) {
        StoredPost post = repository.post(postId).filter(p -> moderator() || !p.hidden()
                        && repository.thread(p.threadId(), null).filter(t -> !t.hidden()).isPresent())
                .orElseThrow(DiscussionService::noPost);
        return repository.revisions(post.id());
    }

    /** Members to mention, for completion while writing: {@code [username, display name]} pairs. */
    @PreAuthorize(WRITE)
    public List<String[]> mentionCandidates(String text) {
        return repository.members(text == null ? "" : withoutNul(text).strip().replaceFirst("^@", ""), 10);
    }

    /** The sanitised HTML a Markdown text will show as: for previews while writing. */
    public String preview(String body) {
        return markdown.render(body);
    }

    /**
     * Posts matching every term, in Chinese (a two-character term such as 存储 matches by bigram) or English (word
     * forms share a stem), best first, with highlighted excerpts. A term in the thread's title counts more than in
     * the text ({@link SearchTokens#TITLE_BONUS} a term, on both databases: on H2 added to the portal's own score
     * of the text, on PostgreSQL to {@code ts_rank}). Only the newest {@value #SEARCH_WINDOW} matching posts are
     * ranked, which bounds the work of a search whatever the size of the forum.
     */
    public List<SearchHit> search(String text, int limit) {
        SearchQuery query = SearchTokens.query(withoutNul(text));
        if (query.isEmpty()) {
            return List.of();
        }
        int max = Math.clamp(limit, 1, 50);
        boolean postgres = repository.postgres();
        Map<Long, String> titleTokens = new java.util.HashMap<>();
        List<Long> best = repository.search(query.tokens(), query.toPostgresTsQuery(), SEARCH_WINDOW).stream()
                .map(m -> {
                    String title = titleTokens.computeIfAbsent(m.threadId(), id -> SearchTokens.index(m.title()));
                    double score = postgres ? m.rank() + SearchTokens.score(title, "", query)
                            : SearchTokens.score(title, m.tokens() == null ? "" : m.tokens(), query);
                    return Map.entry(m.postId(), score);
                })
                .sorted(Comparator.comparingDouble((Map.Entry<Long, Double> e) -> -e.getValue())
                        .thenComparing(e -> -e.getKey()))
                .limit(max).map(Map.Entry::getKey).toList();
        List<SearchHit> hits = new ArrayList<>();
        for (var c : repository.candidates(best)) {
            String plain = markdown.excerpt(c.body(), 100_000);
            hits.add(new SearchHit(c.threadId(), c.postId(), c.title(), c.categoryName(),
                    Highlighter.highlight(plain, query, 220).stream()
                            .map(s -> new SearchHit.Fragment(s.text(), s.highlighted())).toList(),
                    c.createdAt()));
        }
        return hits;
    }

    // --- writing

    /**
     * A new category, last in the list. The short name (used in addresses) is 1 to {@value #SLUG_MAX} lower-case
     * letters, digits and '-'; the name at most {@value #CATEGORY_NAME_MAX} characters, the description at most
     * {@value #CATEGORY_DESCRIPTION_MAX}: anything else is refused with a message that names the field.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public Category createCategory(String slug, String name, @Nullable String description) {
        String s = slug == null ? "" : withoutNul(slug).trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(s).matches()) {
            throw new FieldError("discussions.error.slug", "slug");
        }
        if (repository.slugExists(s)) {
            throw new FieldError("discussions.error.slug-taken", "slug", s);
        }
        String n = categoryName(name);
        String d = categoryDescription(description);
        long id;
        try {
            id = repository.insertCategory(s, n, d, repository.categories().size(), false, now());
        } catch (DuplicateKeyException e) {
            // Someone took the short name a moment ago.
            throw new FieldError("discussions.error.slug-taken", "slug", s);
        }
        audit.success("discussion.category.create", "category", s, n);
        return repository.category(id).orElseThrow();
    }

    /**
     * Renames a category, changes its description and (when {@code position} is not null) its place in the list,
     * if nobody changed it since {@code version}; the short name stays, so addresses keep working. The same limits
     * as {@link #createCategory}.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public Category updateCategory(long id, int version, String name, @Nullable String description,
                                   @Nullable Integer position) {
        Category category = repository.category(id)
                .orElseThrow(DiscussionService::noCategory);
        String n = categoryName(name);
        String d = categoryDescription(description);
        if (position != null && position < 0) {
            throw new FieldError("discussions.error.category-position", "position");
        }
        if (!repository.updateCategory(id, version, n, d, position == null ? category.position() : position)) {
            throw new org.sigportal.base.ConcurrentEditException();
        }
        audit.success("discussion.category.update", "category", category.slug(), n);
        return repository.category(id).orElseThrow();
    }

    private static String categoryName(@Nullable String name) {
        return requireText(name, CATEGORY_NAME_MAX, "discussions.error.category-name", "name");
    }

    private static @Nullable String categoryDescription(@Nullable String description) {
        String d = blankToNull(description);
        if (d != null && d.length() > CATEGORY_DESCRIPTION_MAX) {
            throw new FieldError("discussions.error.category-description", "description", CATEGORY_DESCRIPTION_MAX);
        }
        return d;
    }

    @Transactional
    @PreAuthorize(WRITE)
    public long startThread(NewThread thread) {
        Category category = repository.category(thread.categoryId())
                .orElseThrow(() -> new FieldError("discussions.error.category", "category"));
        String title = requireText(thread.title(), 200, "discussions.error.title", "title");
        String body = requireBody(thread.body());
        List<String> tags = tags(thread.tags());
        long author = checkedAuthor(body);
        OffsetDateTime now = now();
        long threadId = repository.insertThread(category.id(), title, author, false, now);
        long postId = repository.insertPost(threadId, author, true, body, null, tokens(title, body), now);
        repository.setTags(threadId, tags);
        repository.touchThread(threadId, postId, now, 0);
        repository.markRead(author, threadId, postId);
        audit.success("discussion.thread.create", "thread", String.valueOf(threadId), title);
        String me = CurrentActor.nameOrAnonymous();
        events.publishEvent(new PostPublished(threadId, postId, true, category.id(), category.slug(), tags, me, title,
                me, null, body));
        return threadId;
    }

    @Transactional
    @PreAuthorize(WRITE)
    public long reply(long threadId, String body, @Nullable Long quotedPostId) {
        ThreadSummary thread = repository.thread(threadId, null)
                .filter(t -> !t.hidden() || moderator())
                .orElseThrow(DiscussionService::noThread);
        if (thread.status() == ThreadStatus.LOCKED && !moderator()) {
            throw new PortalException("discussions.error.locked");
        }
        String text = requireBody(body);
        if (quotedPostId != null && repository.post(quotedPostId).filter(p -> p.threadId() == threadId).isEmpty()) {
            throw new PortalException("discussions.error.quote");
        }
        long author = checkedAuthor(text);
        OffsetDateTime now = now();
        long postId = repository.insertPost(threadId, author, false, text, quotedPostId, tokens(null, text), now);
        repository.touchThread(threadId, postId, now, 1);
        repository.markRead(author, threadId, postId);
        audit.success("discussion.reply", "post", String.valueOf(postId), "thread " + threadId);
        String quotedAuthor = quotedPostId == null ? null
                : repository.post(quotedPostId).map(StoredPost::authorUsername).orElse(null);
        events.publishEvent(new PostPublished(threadId, postId, false, thread.categoryId(), thread.categorySlug(),
                thread.tags(), CurrentActor.nameOrAnonymous(), thread.title(), thread.authorUsername(), quotedAuthor,
                text));
        return postId;
    }

    /**
     * Replaces the text of one's own post (moderators may edit any), if nobody saved it since {@code version}: then
     * {@link PostConflictException} carries both texts and nothing is written. The replaced text stays in the
     * history. For an opening post, {@code title} (when not null) renames the thread too. In a locked thread only
     * moderators may edit.
     */
    @Transactional
    @PreAuthorize(WRITE)
    public void editPost(long postId, int version, String body, @Nullable String title) {
        StoredPost post = repository.post(postId).orElseThrow(DiscussionService::noPost);
        long editor = currentUserId();
        if (post.authorId() != editor && !moderator()) {
            throw new PortalException("discussions.error.not-yours");
        }
        ThreadSummary thread = repository.thread(post.threadId(), null).orElseThrow();
        // A locked thread is closed for everyone but the moderators: its posts stay as they are.
        if (thread.status() == ThreadStatus.LOCKED && !moderator()) {
            throw new PortalException("discussions.error.locked-edit");
        }
        String text = requireBody(body);
        if (!moderator()) {
            var me = repository.author(CurrentActor.nameOrAnonymous());
            rules.checkLinks(() -> markdown.render(text), me.createdAt(), me.roles());
        }
        if (post.version() != version) {
            throw new PostConflictException(text, post.body(), post.version());
        }
        String newTitle = post.opening() && title != null
                ? requireText(title, 200, "discussions.error.title", "title") : null;
        String tokenTitle = post.opening() ? (newTitle != null ? newTitle : thread.title()) : null;
        if (!repository.updatePost(post, version, text, post.opening() ? thread.title() : null,
                tokens(tokenTitle, text), editor, now())) {
            StoredPost now = repository.post(postId).orElseThrow();
            throw new PostConflictException(text, now.body(), now.version());
        }
        if (newTitle != null && !newTitle.equals(thread.title())) {
            repository.updateTitle(post.threadId(), newTitle);
        }
        audit.success("discussion.post.edit", "post", String.valueOf(postId), "version " + (version + 1));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public void setStatus(long threadId, ThreadStatus status) {
        ThreadSummary thread = repository.thread(threadId, null)
                .orElseThrow(DiscussionService::noThread);
        boolean author = thread.authorUsername().equals(CurrentActor.nameOrAnonymous());
        // The author may mark their question answered or open again; locking is for moderators.
        if (!moderator() && !(author && status != ThreadStatus.LOCKED && thread.status() != ThreadStatus.LOCKED)) {
            throw new PortalException("discussions.error.not-allowed");
        }
        repository.setStatus(threadId, status);
        audit.success("discussion.thread.status", "thread", String.valueOf(threadId), status.name());
    }

    /** Remembers how far the signed-in member has read (no-op for visitors). */
    @Transactional
    public void markRead(long threadId, long lastPostId) {
        Long reader = readerId();
        if (reader != null) {
            repository.markRead(reader, threadId, lastPostId);
        }
    }

    // --- moderation (admins and maintainers); every action is in the audit trail

    /** Where a merged thread went, so old links can follow it. */
    public Optional<Long> mergedInto(long threadId) {
        return Optional.ofNullable(repository.mergedInto(threadId));
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public void pin(long threadId, boolean pinned) {
        requireThread(repository.setPinned(threadId, pinned));
        audit.success(pinned ? "discussion.thread.pin" : "discussion.thread.unpin", "thread",
                String.valueOf(threadId), null);
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public void hideThread(long threadId, boolean hidden) {
        requireThread(repository.setThreadHidden(threadId, hidden));
        audit.success(hidden ? "discussion.thread.hide" : "discussion.thread.unhide", "thread",
                String.valueOf(threadId), null);
    }

    /** Hides a post from everyone but moderators (or shows it again); resolves its open flags. */
    @Transactional
    @PreAuthorize(MANAGE)
    public void hidePost(long postId, boolean hidden) {
        StoredPost post = repository.post(postId).orElseThrow(DiscussionService::noPost);
        if (post.opening() && hidden) {
            throw new PortalException("discussions.error.hide-opening");
        }
        // Replies count as readers see them: a hidden reply does not count, and counts again when shown.
        if (repository.setPostHidden(postId, hidden) && !post.opening()) {
            repository.addReplies(post.threadId(), hidden ? -1 : 1);
            repository.refreshLastPost(post.threadId());
        }
        if (hidden) {
            repository.resolveFlags(postId, currentUserId(), "HIDDEN", now());
        }
        audit.success(hidden ? "discussion.post.hide" : "discussion.post.unhide", "post", String.valueOf(postId),
                null);
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public void move(long threadId, long categoryId) {
        Category to = repository.category(categoryId)
                .orElseThrow(() -> new PortalException("discussions.error.category"));
        requireThread(repository.move(threadId, categoryId));
        audit.success("discussion.thread.move", "thread", String.valueOf(threadId), to.slug());
    }

    /** Merges a duplicate into another thread: its posts join the target, and its address leads there. */
    @Transactional
    @PreAuthorize(MANAGE)
    public void merge(long duplicateId, long targetId) {
        if (duplicateId == targetId) {
            throw new PortalException("discussions.error.merge-self");
        }
        ThreadSummary duplicate = repository.thread(duplicateId, null)
                .orElseThrow(DiscussionService::noThread);
        ThreadSummary target = repository.thread(targetId, null)
                .filter(t -> repository.mergedInto(t.id()) == null)
                .orElseThrow(() -> new PortalException("discussions.error.merge-target"));
        repository.merge(duplicate.id(), target.id());
        audit.success("discussion.thread.merge", "thread", String.valueOf(duplicateId), "into " + targetId);
    }

    /** A member flags a post for moderators, with a reason; flagging the same post twice is refused. */
    @Transactional
    @PreAuthorize(WRITE)
    public void flag(long postId, String reason) {
        repository.post(postId).orElseThrow(DiscussionService::noPost);
        String why = requireText(reason, 500, "discussions.error.flag-reason", "reason");
        if (!repository.flag(postId, currentUserId(), why, now())) {
            throw new PortalException("discussions.error.flagged-before");
        }
        audit.success("discussion.post.flag", "post", String.valueOf(postId), why);
    }

    @PreAuthorize(MANAGE)
    public List<FlaggedPost> moderationQueue() {
        return repository.openFlags(200).stream().map(f -> new FlaggedPost(f.id(), f.postId(), f.threadId(),
                f.threadTitle(), f.postAuthor(), markdown.excerpt(f.body(), 300), f.reporter(), f.reason(),
                f.createdAt(), f.postHidden())).toList();
    }

    /** Dismisses the open flags of a post that needs nothing done. */
    @Transactional
    @PreAuthorize(MANAGE)
    public void dismissFlags(long postId) {
        repository.resolveFlags(postId, currentUserId(), "DISMISSED", now());
        audit.success("discussion.flags.dismiss", "post", String.valueOf(postId), null);
    }

    /** Refuses as not found when a moderation step found no thread to change. */
    private static void requireThread(boolean done) {
        if (!done) {
            throw noThread();
        }
    }

    private static PortalException noPost() {
        return new PortalException(PortalException.Kind.NOT_FOUND, "discussions.error.no-post");
    }

    private static PortalException noThread() {
        return new PortalException(PortalException.Kind.NOT_FOUND, "discussions.error.no-thread");
    }

    private static PortalException noCategory() {
        return new PortalException(PortalException.Kind.NOT_FOUND, "discussions.error.no-category");
    }

    // --- helpers

    /** The signed-in author, after the posting limit and the link rule. */
    private long checkedAuthor(String body) {
        String me = CurrentActor.username().orElseThrow(() -> new PortalException("discussions.error.no-account"));
        var author = repository.author(me);
        if (!moderator()) {
            rules.checkLinks(() -> markdown.render(body), author.createdAt(), author.roles());
            rules.takePostSlot(me);
        }
        return author.id();
    }

    private Post toPost(StoredPost p, int revisions) {
        return new Post(p.id(), p.threadId(), p.authorUsername(), p.authorDisplayName(), p.opening(), p.body(),
                markdown.render(p.body()), p.quotedPostId(), p.hidden(), p.createdAt(), p.editedAt(), revisions,
                p.version());
    }

    private String tokens(@Nullable String title, String body) {
        return org.sigportal.discussion.internal.PostText.tokens(markdown, title, body);
    }

    private String requireBody(@Nullable String text) {
        String body = text == null ? null : withoutNul(text);
        if (body == null || body.isBlank()) {
            throw new FieldError("discussions.error.body", "body");
        }
        markdown.requireWithinLimit(body);
        return body.strip();
    }

    private static String requireText(@Nullable String input, int max, String key, String field) {
        String text = input == null ? null : withoutNul(input);
        if (text == null || text.isBlank() || text.strip().length() > max) {
            throw new FieldError(key, field, max);
        }
        return text.strip();
    }

    /**
     * The text without U+0000: it means nothing in a text (browsers and the sanitiser drop it), and PostgreSQL
     * cannot store it in a text column, so it is taken out of all that members write rather than refused.
     */
    private static String withoutNul(String text) {
        return text.indexOf(0) < 0 ? text : text.replace("\0", "");
    }

    private static List<String> tags(@Nullable List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        if (tags != null) {
            for (String t : tags) {
                String tag = t == null ? "" : withoutNul(t).strip().toLowerCase(Locale.ROOT).replaceFirst("^#", "");
                if (tag.isEmpty()) {
                    continue;
                }
                if (!TAG.matcher(tag).matches()) {
                    throw new FieldError("discussions.error.tag", "tags", tag);
                }
                out.add(tag);
            }
        }
        if (out.size() > MAX_TAGS) {
            throw new FieldError("discussions.error.too-many-tags", "tags", MAX_TAGS);
        }
        return List.copyOf(out);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || withoutNul(s).isBlank() ? null : withoutNul(s).strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private long currentUserId() {
        return repository.userId(CurrentActor.username()
                .orElseThrow(() -> new PortalException("discussions.error.no-account")));
    }

    private @Nullable Long readerId() {
        return CurrentActor.username().map(u -> {
            try {
                return repository.userId(u);
            } catch (PortalException e) {
                return null;
            }
        }).orElse(null);
    }

    private static boolean moderator() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_"
                + Roles.ADMIN) || a.getAuthority().equals("ROLE_" + Roles.MAINTAINER));
    }

    /** A refusal that concerns one input field. */
    static final class FieldError extends PortalException {
        private final String field;

        FieldError(String key, String field, Object... args) {
            super(key, args);
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }
}
