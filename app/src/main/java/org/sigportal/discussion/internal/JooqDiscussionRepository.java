package org.sigportal.discussion.internal;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.sigportal.base.persistence.Inserts;
import org.jspecify.annotations.Nullable;
import org.sigportal.discussion.Category;
import org.sigportal.discussion.PostRevision;
import org.sigportal.discussion.ThreadPage;
import org.sigportal.discussion.ThreadQuery;
import org.sigportal.discussion.ThreadStatus;
import org.sigportal.discussion.ThreadSummary;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.sigportal.db.Tables.DISCUSSION_CATEGORY;
import static org.sigportal.db.Tables.DISCUSSION_FLAG;
import static org.sigportal.db.Tables.PORTAL_USER_ROLE;
import static org.sigportal.db.Tables.DISCUSSION_POST;
import static org.sigportal.db.Tables.DISCUSSION_POST_REVISION;
import static org.sigportal.db.Tables.DISCUSSION_READ;
import static org.sigportal.db.Tables.DISCUSSION_THREAD;
import static org.sigportal.db.Tables.DISCUSSION_THREAD_TAG;
import static org.sigportal.db.Tables.PORTAL_USER;

/** Categories, threads and posts in the database; search runs on PostgreSQL's index or, on H2, by token match. */
@Repository
public class JooqDiscussionRepository {

    /** A stored post with its author. */
    public record StoredPost(long id, long threadId, String authorUsername, String authorDisplayName, long authorId,
                             boolean opening, String body, @Nullable Long quotedPostId, boolean hidden,
                             OffsetDateTime createdAt, @Nullable OffsetDateTime editedAt, int version) {
    }

    /**
     * A search match to rank: the post, its thread's title, and either its stored tokens (H2, where the portal
     * scores) or PostgreSQL's {@code ts_rank} of them.
     */
    public record Match(long postId, long threadId, String title, @Nullable String tokens, double rank) {
    }

    /** A search hit to show: the post's text, its thread and category. */
    public record Candidate(long postId, long threadId, String title, String categoryName, String body,
                            OffsetDateTime createdAt) {
    }

    private final DSLContext dsl;

    JooqDiscussionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean postgres() {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    // --- categories

    public List<Category> categories() {
        return dsl.selectFrom(DISCUSSION_CATEGORY).orderBy(DISCUSSION_CATEGORY.POSITION, DISCUSSION_CATEGORY.NAME)
                .fetch(r -> new Category(r.getId(), r.getSlug(), r.getName(), r.getDescription(), r.getPosition(),
                        r.getDemo(), r.getVersion()));
    }

    public Optional<Category> category(long id) {
        return categories().stream().filter(c -> c.id() == id).findFirst();
    }

    public boolean slugExists(String slug) {
        return dsl.fetchExists(DISCUSSION_CATEGORY, DISCUSSION_CATEGORY.SLUG.eq(slug));
    }

    public long insertCategory(String slug, String name, @Nullable String description, int position, boolean demo,
                               OffsetDateTime now) {
        return dsl.insertInto(DISCUSSION_CATEGORY).set(DISCUSSION_CATEGORY.SLUG, slug)
                .set(DISCUSSION_CATEGORY.NAME, name).set(DISCUSSION_CATEGORY.DESCRIPTION, description)
                .set(DISCUSSION_CATEGORY.POSITION, position).set(DISCUSSION_CATEGORY.DEMO, demo)
                .set(DISCUSSION_CATEGORY.CREATED_AT, now)
                .returning(DISCUSSION_CATEGORY.ID).fetchOne(DISCUSSION_CATEGORY.ID);
    }

    /** False when the category changed since {@code version} was read. */
    public boolean updateCategory(long id, int version, String name, @Nullable String description, int position) {
        return dsl.update(DISCUSSION_CATEGORY).set(DISCUSSION_CATEGORY.NAME, name)
                .set(DISCUSSION_CATEGORY.DESCRIPTION, description).set(DISCUSSION_CATEGORY.POSITION, position)
                .set(DISCUSSION_CATEGORY.VERSION, version + 1)
                .where(DISCUSSION_CATEGORY.ID.eq(id).and(DISCUSSION_CATEGORY.VERSION.eq(version))).execute() == 1;
    }

    // --- threads

    public long insertThread(long categoryId, String title, long authorId, boolean demo, OffsetDateTime now) {
        return dsl.insertInto(DISCUSSION_THREAD).set(DISCUSSION_THREAD.CATEGORY_ID, categoryId)
                .set(DISCUSSION_THREAD.TITLE, title).set(DISCUSSION_THREAD.AUTHOR_ID, authorId)
                .set(DISCUSSION_THREAD.DEMO, demo).set(DISCUSSION_THREAD.LAST_ACTIVITY_AT, now)
                .set(DISCUSSION_THREAD.CREATED_AT, now)
                .returning(DISCUSSION_THREAD.ID).fetchOne(DISCUSSION_THREAD.ID);
    }

    public void setTags(long threadId, Collection<String> tags) {
        dsl.deleteFrom(DISCUSSION_THREAD_TAG).where(DISCUSSION_THREAD_TAG.THREAD_ID.eq(threadId)).execute();
        for (String tag : tags) {
            dsl.insertInto(DISCUSSION_THREAD_TAG).set(DISCUSSION_THREAD_TAG.THREAD_ID, threadId)
                    .set(DISCUSSION_THREAD_TAG.TAG, tag).execute();
        }
    }

    /** A reply arrived: count it and move the thread to the top of "latest activity". */
    public void touchThread(long threadId, long postId, OffsetDateTime now, int replies) {
        dsl.update(DISCUSSION_THREAD)
                .set(DISCUSSION_THREAD.REPLY_COUNT, DISCUSSION_THREAD.REPLY_COUNT.plus(replies))
                .set(DISCUSSION_THREAD.LAST_POST_ID, postId).set(DISCUSSION_THREAD.LAST_ACTIVITY_AT, now)
                .where(DISCUSSION_THREAD.ID.eq(threadId)).execute();
    }

    public boolean updateTitle(long threadId, String title) {
        return dsl.update(DISCUSSION_THREAD).set(DISCUSSION_THREAD.TITLE, title)
                .where(DISCUSSION_THREAD.ID.eq(threadId)).execute() == 1;
    }

    public boolean setStatus(long threadId, ThreadStatus status) {
        return dsl.update(DISCUSSION_THREAD).set(DISCUSSION_THREAD.STATUS, status.name())
                .set(DISCUSSION_THREAD.VERSION, DISCUSSION_THREAD.VERSION.plus(1))
                .where(DISCUSSION_THREAD.ID.eq(threadId)).execute() == 1;
    }

    public Optional<ThreadSummary> thread(long id, @Nullable Long readerId) {
        return threads(DISCUSSION_THREAD.ID.eq(id), readerId, 1).stream().findFirst();
    }

    public ThreadPage threads(ThreadQuery query, @Nullable Long readerId, boolean includeHidden) {
        Condition where = DISCUSSION_THREAD.PINNED.isFalse().and(DISCUSSION_THREAD.MERGED_INTO_ID.isNull());
        if (!includeHidden) {
            where = where.and(DISCUSSION_THREAD.HIDDEN.isFalse());
        }
        if (query.categoryId() != null) {
            where = where.and(DISCUSSION_THREAD.CATEGORY_ID.eq(query.categoryId()));
        }
        if (query.status() != null) {
            where = where.and(DISCUSSION_THREAD.STATUS.eq(query.status().name()));
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            where = where.and(DISCUSSION_THREAD.ID.in(DSL.select(DISCUSSION_THREAD_TAG.THREAD_ID)
                    .from(DISCUSSION_THREAD_TAG).where(DISCUSSION_THREAD_TAG.TAG.eq(query.tag()))));
        }
        if (query.after() != null) {
            where = where.and(DSL.row(DISCUSSION_THREAD.LAST_ACTIVITY_AT, DISCUSSION_THREAD.ID)
                    .lt(query.after().lastActivityAt(), query.after().id()));
        }
        int limit = Math.clamp(query.limit(), 1, 100);
        List<ThreadSummary> rows = threads(where, readerId, limit + 1);
        ThreadPage.Cursor next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ThreadSummary last = rows.getLast();
            next = new ThreadPage.Cursor(last.lastActivityAt(), last.id());
        }
        return new ThreadPage(List.copyOf(rows), next);
    }

    public List<ThreadSummary> pinned(@Nullable Long categoryId, @Nullable Long readerId) {
        Condition where = DISCUSSION_THREAD.PINNED.isTrue().and(DISCUSSION_THREAD.HIDDEN.isFalse());
        if (categoryId != null) {
            where = where.and(DISCUSSION_THREAD.CATEGORY_ID.eq(categoryId));
        }
        return threads(where, readerId, 20);
    }

    private List<ThreadSummary> threads(Condition where, @Nullable Long readerId, int limit) {
        var t = DISCUSSION_THREAD;
        var read = DISCUSSION_READ.as("rd");
        var rows = dsl.select(t.ID, t.CATEGORY_ID, DISCUSSION_CATEGORY.SLUG, DISCUSSION_CATEGORY.NAME, t.TITLE,
                        PORTAL_USER.USERNAME, PORTAL_USER.DISPLAY_NAME, t.STATUS, t.PINNED, t.HIDDEN, t.REPLY_COUNT,
                        t.LAST_ACTIVITY_AT, t.LAST_POST_ID, t.DEMO, t.VERSION, read.LAST_READ_POST_ID)
                .from(t).join(DISCUSSION_CATEGORY).on(DISCUSSION_CATEGORY.ID.eq(t.CATEGORY_ID))
                .join(PORTAL_USER).on(PORTAL_USER.ID.eq(t.AUTHOR_ID))
                .leftJoin(read).on(read.THREAD_ID.eq(t.ID).and(read.USER_ID.eq(readerId == null ? -1L : readerId)))
                .where(where)
                .orderBy(t.LAST_ACTIVITY_AT.desc(), t.ID.desc())
                .limit(limit).fetch();
        Map<Long, List<String>> tags = tags(rows.map(r -> r.get(t.ID)));
        List<ThreadSummary> out = new ArrayList<>();
        for (Record r : rows) {
            long id = r.get(t.ID);
            Long lastPost = r.get(t.LAST_POST_ID);
            Long lastRead = r.get(read.LAST_READ_POST_ID);
            boolean unread = readerId != null && (lastRead == null || lastPost != null && lastPost > lastRead);
            out.add(new ThreadSummary(id, r.get(t.CATEGORY_ID), r.get(DISCUSSION_CATEGORY.SLUG),
                    r.get(DISCUSSION_CATEGORY.NAME), r.get(t.TITLE), r.get(PORTAL_USER.USERNAME),
                    r.get(PORTAL_USER.DISPLAY_NAME), ThreadStatus.valueOf(r.get(t.STATUS)), r.get(t.PINNED),
                    r.get(t.HIDDEN), r.get(t.REPLY_COUNT), r.get(t.LAST_ACTIVITY_AT),
                    tags.getOrDefault(id, List.of()), unread, r.get(t.DEMO), r.get(t.VERSION)));
        }
        return out;
    }

    private Map<Long, List<String>> tags(List<Long> threadIds) {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        if (threadIds.isEmpty()) {
            return tags;
        }
        dsl.selectFrom(DISCUSSION_THREAD_TAG).where(DISCUSSION_THREAD_TAG.THREAD_ID.in(threadIds))
                .orderBy(DISCUSSION_THREAD_TAG.TAG)
                .forEach(r -> tags.computeIfAbsent(r.getThreadId(), k -> new ArrayList<>()).add(r.getTag()));
        return tags;
    }

    public List<String> popularTags(int limit) {
        return dsl.select(DISCUSSION_THREAD_TAG.TAG).from(DISCUSSION_THREAD_TAG)
                .groupBy(DISCUSSION_THREAD_TAG.TAG).orderBy(DSL.count().desc(), DISCUSSION_THREAD_TAG.TAG)
                .limit(limit).fetch(DISCUSSION_THREAD_TAG.TAG);
    }

    /**
     * Moves the member's read mark forward to {@code postId} (never back). Two first reads of a thread at once (two
     * tabs) both succeed: the insert gives way to the other one's row, which is then moved forward if need be.
     */
    public void markRead(long userId, long threadId, long postId) {
        if (moveReadMark(userId, threadId, postId) > 0) {
            return;
        }
        int inserted = Inserts.ignoringDuplicate(() -> dsl.insertInto(DISCUSSION_READ)
                .set(DISCUSSION_READ.USER_ID, userId)
                .set(DISCUSSION_READ.THREAD_ID, threadId).set(DISCUSSION_READ.LAST_READ_POST_ID, postId)
                .onConflict(DISCUSSION_READ.USER_ID, DISCUSSION_READ.THREAD_ID).doNothing().execute());
        if (inserted == 0) {
            moveReadMark(userId, threadId, postId);
        }
    }

    private int moveReadMark(long userId, long threadId, long postId) {
        return dsl.update(DISCUSSION_READ).set(DISCUSSION_READ.LAST_READ_POST_ID, postId)
                .where(DISCUSSION_READ.USER_ID.eq(userId).and(DISCUSSION_READ.THREAD_ID.eq(threadId))
                        .and(DISCUSSION_READ.LAST_READ_POST_ID.lt(postId))).execute();
    }

    // --- posts

    public long insertPost(long threadId, long authorId, boolean opening, String body, @Nullable Long quoted,
                           String tokens, OffsetDateTime now) {
        return dsl.insertInto(DISCUSSION_POST).set(DISCUSSION_POST.THREAD_ID, threadId)
                .set(DISCUSSION_POST.AUTHOR_ID, authorId).set(DISCUSSION_POST.OPENING, opening)
                .set(DISCUSSION_POST.BODY, body).set(DISCUSSION_POST.QUOTED_POST_ID, quoted)
                .set(DISCUSSION_POST.SEARCH_TOKENS, tokens).set(DISCUSSION_POST.CREATED_AT, now)
                .returning(DISCUSSION_POST.ID).fetchOne(DISCUSSION_POST.ID);
    }

    public List<StoredPost> posts(long threadId) {
        return postQuery(DISCUSSION_POST.THREAD_ID.eq(threadId));
    }

    public Optional<StoredPost> post(long id) {
        return postQuery(DISCUSSION_POST.ID.eq(id)).stream().findFirst();
    }

    private List<StoredPost> postQuery(Condition where) {
        var p = DISCUSSION_POST;
        return dsl.select(p.ID, p.THREAD_ID, PORTAL_USER.USERNAME, PORTAL_USER.DISPLAY_NAME, p.AUTHOR_ID, p.OPENING,
                        p.BODY, p.QUOTED_POST_ID, p.HIDDEN, p.CREATED_AT, p.EDITED_AT, p.VERSION)
                .from(p).join(PORTAL_USER).on(PORTAL_USER.ID.eq(p.AUTHOR_ID)).where(where).orderBy(p.ID)
                .fetch(r -> new StoredPost(r.get(p.ID), r.get(p.THREAD_ID), r.get(PORTAL_USER.USERNAME),
                        r.get(PORTAL_USER.DISPLAY_NAME), r.get(p.AUTHOR_ID), r.get(p.OPENING), r.get(p.BODY),
                        r.get(p.QUOTED_POST_ID), r.get(p.HIDDEN), r.get(p.CREATED_AT), r.get(p.EDITED_AT),
                        r.get(p.VERSION)));
    }

    /**
     * Replaces a post's text if it is still at {@code version}, keeping the text it replaces in the history.
     * False when someone saved in between (then nothing is written).
     */
    public boolean updatePost(StoredPost before, int version, String body, @Nullable String oldTitle, String tokens,
                              long editorId, OffsetDateTime now) {
        int updated = dsl.update(DISCUSSION_POST).set(DISCUSSION_POST.BODY, body)
                .set(DISCUSSION_POST.SEARCH_TOKENS, tokens).set(DISCUSSION_POST.EDITED_AT, now)
                .set(DISCUSSION_POST.VERSION, version + 1)
                .where(DISCUSSION_POST.ID.eq(before.id()).and(DISCUSSION_POST.VERSION.eq(version))).execute();
        if (updated == 0) {
            return false;
        }
        dsl.insertInto(DISCUSSION_POST_REVISION).set(DISCUSSION_POST_REVISION.POST_ID, before.id())
                .set(DISCUSSION_POST_REVISION.REVISION, version).set(DISCUSSION_POST_REVISION.BODY, before.body())
                .set(DISCUSSION_POST_REVISION.TITLE, oldTitle).set(DISCUSSION_POST_REVISION.EDITED_BY, editorId)
                .set(DISCUSSION_POST_REVISION.CREATED_AT, now).execute();
        return true;
    }

    public Map<Long, Integer> revisionCounts(long threadId) {
        return dsl.select(DISCUSSION_POST_REVISION.POST_ID, DSL.count()).from(DISCUSSION_POST_REVISION)
                .join(DISCUSSION_POST).on(DISCUSSION_POST.ID.eq(DISCUSSION_POST_REVISION.POST_ID))
                .where(DISCUSSION_POST.THREAD_ID.eq(threadId)).groupBy(DISCUSSION_POST_REVISION.POST_ID)
                .fetchMap(DISCUSSION_POST_REVISION.POST_ID, DSL.count());
    }

    public List<PostRevision> revisions(long postId) {
        return dsl.select(DISCUSSION_POST_REVISION.REVISION, DISCUSSION_POST_REVISION.BODY,
                        DISCUSSION_POST_REVISION.TITLE, PORTAL_USER.USERNAME, DISCUSSION_POST_REVISION.CREATED_AT)
                .from(DISCUSSION_POST_REVISION).join(PORTAL_USER)
                .on(PORTAL_USER.ID.eq(DISCUSSION_POST_REVISION.EDITED_BY))
                .where(DISCUSSION_POST_REVISION.POST_ID.eq(postId))
                .orderBy(DISCUSSION_POST_REVISION.REVISION.desc())
                .fetch(r -> new PostRevision(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    // --- search

    /**
     * Posts whose tokens contain every query token, among the most recent {@code window} such posts that readers
     * may see, newest first, with what ranking needs: the thread's title and, on PostgreSQL, {@code ts_rank} (the
     * GIN index finds them), on H2 the stored tokens (each query token is a LIKE on the space-delimited token
     * column) for the caller to score. No post text: {@link #candidates} fetches that for the few shown.
     */
    public List<Match> search(List<String> tokens, String tsQuery, int window) {
        var p = DISCUSSION_POST;
        var t = DISCUSSION_THREAD;
        Condition visible = p.HIDDEN.isFalse().and(t.HIDDEN.isFalse());
        if (postgres()) {
            List<Long> newest = newestMatches(tsQuery, window);
            if (newest.isEmpty()) {
                return List.of();
            }
            var rank = DSL.field("ts_rank({0}, to_tsquery('simple', {1}))", Double.class,
                    DSL.field(DSL.name(p.getName(), "search_vector")), DSL.val(tsQuery)).as("rank");
            return dsl.select(p.ID, p.THREAD_ID, t.TITLE, rank)
                    .from(p).join(t).on(t.ID.eq(p.THREAD_ID))
                    .where(p.ID.in(newest)).and(visible).orderBy(p.ID.desc())
                    .fetch(r -> new Match(r.get(p.ID), r.get(p.THREAD_ID), r.get(t.TITLE), null,
                            r.get("rank", Double.class)));
        }
        Condition all = DSL.trueCondition();
        for (String token : tokens) {
            all = all.and(p.SEARCH_TOKENS.like("% " + escapeLike(token) + " %", '!'));
        }
        return dsl.select(p.ID, p.THREAD_ID, t.TITLE, p.SEARCH_TOKENS)
                .from(p).join(t).on(t.ID.eq(p.THREAD_ID))
                .where(all).and(visible).orderBy(p.ID.desc()).limit(window)
                .fetch(r -> new Match(r.get(p.ID), r.get(p.THREAD_ID), r.get(t.TITLE), r.get(p.SEARCH_TOKENS), 0));
    }

    /** How many of the newest posts the first step of a PostgreSQL search reads in order (see below). */
    private int recentScan = 25_000;

    /**
     * The ids of the newest {@code window} posts matching a tsquery, in two steps whose cost does not depend on how
     * many posts match. PostgreSQL estimates the matches of several terms as if the terms were independent, which
     * they are not in a forum, and then picks the GIN index and sorts every match by id (hundreds of milliseconds
     * for a common pair of words in a million posts). So: first the newest {@code recentScan} (25,000) posts are read
     * backwards along the primary key and filtered, which answers common terms; only when that finds fewer than
     * {@code window}, the GIN index finds the rest among the older posts, which then are few enough for it.
     */
    private List<Long> newestMatches(String tsQuery, int window) {
        Field<Long> id = DSL.field(DSL.name("recent", "id"), Long.class);
        var recent = DSL.select(DISCUSSION_POST.ID.as("id"), DSL.field(DSL.name("search_vector")).as("search_vector"))
                .from(DISCUSSION_POST).orderBy(DISCUSSION_POST.ID.desc()).limit(recentScan).asTable("recent");
        List<Long> found = new ArrayList<>(dsl.select(id).from(recent)
                .where(matching(DSL.name("recent", "search_vector"), tsQuery))
                .orderBy(id.desc()).limit(window).fetch(id));
        if (found.size() == window) {
            return found;
        }
        Long floor = dsl.select(DISCUSSION_POST.ID).from(DISCUSSION_POST).orderBy(DISCUSSION_POST.ID.desc())
                .offset(recentScan - 1).limit(1).fetchOne(DISCUSSION_POST.ID);
        if (floor == null) {
            return found; // the forum has fewer posts than the first step read: it saw them all
        }
        found.addAll(dsl.select(DISCUSSION_POST.ID).from(DISCUSSION_POST)
                .where(matching(DSL.name("search_vector"), tsQuery))
                .and(DISCUSSION_POST.ID.lt(floor))
                .orderBy(DISCUSSION_POST.ID.desc()).limit(window - found.size()).fetch(DISCUSSION_POST.ID));
        return found;
    }

    /** The search vector (a PostgreSQL-only column, so not in the generated classes) matches the tsquery. */
    private static Condition matching(org.jooq.Name searchVector, String tsQuery) {
        return DSL.condition("{0} @@ to_tsquery('simple', {1})", DSL.field(searchVector), DSL.val(tsQuery));
    }

    /** The posts with these ids, with their thread and category, in the order of {@code postIds}. */
    public List<Candidate> candidates(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        var p = DISCUSSION_POST;
        var t = DISCUSSION_THREAD;
        Map<Long, Candidate> found = new java.util.HashMap<>();
        dsl.select(p.ID, p.THREAD_ID, t.TITLE, DISCUSSION_CATEGORY.NAME, p.BODY, p.CREATED_AT)
                .from(p).join(t).on(t.ID.eq(p.THREAD_ID))
                .join(DISCUSSION_CATEGORY).on(DISCUSSION_CATEGORY.ID.eq(t.CATEGORY_ID))
                .where(p.ID.in(postIds))
                .forEach(r -> found.put(r.get(p.ID), new Candidate(r.get(p.ID), r.get(p.THREAD_ID), r.get(t.TITLE),
                        r.get(DISCUSSION_CATEGORY.NAME), r.get(p.BODY), r.get(p.CREATED_AT))));
        return postIds.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** When the account was made and which roles it holds (for the link rule). */
    public record Author(long id, OffsetDateTime createdAt, java.util.Set<String> roles) {
    }

    public Author author(String username) {
        var user = dsl.select(PORTAL_USER.ID, PORTAL_USER.CREATED_AT).from(PORTAL_USER)
                .where(PORTAL_USER.USERNAME.eq(username)).fetchOptional()
                .orElseThrow(() -> new org.sigportal.base.PortalException("discussions.error.no-account"));
        java.util.Set<String> roles = new java.util.HashSet<>(dsl.select(PORTAL_USER_ROLE.ROLE).from(PORTAL_USER_ROLE)
                .where(PORTAL_USER_ROLE.USER_ID.eq(user.value1())).fetch(PORTAL_USER_ROLE.ROLE));
        return new Author(user.value1(), user.value2(), roles);
    }

    // --- moderation

    public boolean setPinned(long threadId, boolean pinned) {
        return dsl.update(DISCUSSION_THREAD).set(DISCUSSION_THREAD.PINNED, pinned)
                .where(DISCUSSION_THREAD.ID.eq(threadId)).execute() == 1;
    }

    public boolean setThreadHidden(long threadId, boolean hidden) {
        return dsl.update(DISCUSSION_THREAD).set(DISCUSSION_THREAD.HIDDEN, hidden)
                .where(DISCUSSION_THREAD.ID.eq(threadId)).execute() == 1;
    }

    /** True when this changed the post (it was not {@code hidden} already). */
    public boolean setPostHidden(long postId, boolean hidden) {
        return dsl.update(DISCUSSION_POST).set(DISCUSSION_POST.HIDDEN, hidden)
                .where(DISCUSSION_POST.ID.eq(postId).and(DISCUSSION_POST.HIDDEN.eq(!hidden))).execute() == 1;
    }

    /**
     * Points the thread's last post at its newest post readers can see, so that a hidden reply does not leave the
     * thread unread for ever for members who cannot see (and so never read) it. The activity time stays.
     */
    public void refreshLastPost(long threadId) {
        Long last = dsl.select(DSL.max(DISCUSSION_POST.ID)).from(DISCUSSION_POST)
                .where(DISCUSSION_POST.THREAD_ID.eq(threadId)).and(DISCUSSION_POST.HIDDEN.isFalse())
                .fetchOne(0, Long.class);
        if (last != null) {
            dsl.update(DISCUSSION_THREAD).set(DISCUSSION_THREAD.LAST_POST_ID, last)
                    .where(DISCUSSION_THREAD.ID.eq(threadId)).execute();
        }
    }

    /** Changes a thread's reply count by {@code delta}, never below zero. */
    public void addReplies(long threadId, int delta) {
        dsl.update(DISCUSSION_THREAD)
                .set(DISCUSSION_THREAD.REPLY_COUNT,
                        DSL.greatest(DISCUSSION_THREAD.REPLY_COUNT.plus(delta), DSL.inline(0)))
                .where(DISCUSSION_THREAD.ID.eq(threadId)).execute();
    }

    public boolean move(long threadId, long categoryId) {
        return dsl.update(DISCUSSION_THREAD).set(DISCUSSION_THREAD.CATEGORY_ID, categoryId)
                .where(DISCUSSION_THREAD.ID.eq(threadId)).execute() == 1;
    }

    /**
     * Moves every post of {@code source} into {@code target} (the source's opening post becomes a reply), marks the
     * source as merged and hidden, and recounts the target's replies (those not hidden).
     */
    public void merge(long source, long target) {
        dsl.update(DISCUSSION_POST).set(DISCUSSION_POST.THREAD_ID, target).set(DISCUSSION_POST.OPENING, false)
                .where(DISCUSSION_POST.THREAD_ID.eq(source)).execute();
        dsl.update(DISCUSSION_THREAD).set(DISCUSSION_THREAD.MERGED_INTO_ID, target)
                .set(DISCUSSION_THREAD.HIDDEN, true).set(DISCUSSION_THREAD.REPLY_COUNT, 0)
                .where(DISCUSSION_THREAD.ID.eq(source)).execute();
        var last = dsl.select(DISCUSSION_POST.ID, DISCUSSION_POST.CREATED_AT).from(DISCUSSION_POST)
                .where(DISCUSSION_POST.THREAD_ID.eq(target)).and(DISCUSSION_POST.HIDDEN.isFalse())
                .orderBy(DISCUSSION_POST.CREATED_AT.desc(), DISCUSSION_POST.ID.desc()).limit(1).fetchOne();
        int replies = dsl.fetchCount(DISCUSSION_POST, DISCUSSION_POST.THREAD_ID.eq(target)
                .and(DISCUSSION_POST.OPENING.isFalse()).and(DISCUSSION_POST.HIDDEN.isFalse()));
        var update = dsl.update(DISCUSSION_THREAD).set(DISCUSSION_THREAD.REPLY_COUNT, replies);
        if (last != null) {
            update = update.set(DISCUSSION_THREAD.LAST_POST_ID, last.value1())
                    .set(DISCUSSION_THREAD.LAST_ACTIVITY_AT, DSL.greatest(DISCUSSION_THREAD.LAST_ACTIVITY_AT,
                            DSL.val(last.value2())));
        }
        update.where(DISCUSSION_THREAD.ID.eq(target)).execute();
        dsl.deleteFrom(DISCUSSION_READ).where(DISCUSSION_READ.THREAD_ID.eq(source)).execute();
    }

    public @Nullable Long mergedInto(long threadId) {
        return dsl.select(DISCUSSION_THREAD.MERGED_INTO_ID).from(DISCUSSION_THREAD)
                .where(DISCUSSION_THREAD.ID.eq(threadId)).fetchOptional(DISCUSSION_THREAD.MERGED_INTO_ID).orElse(null);
    }

    /** A member's flag; false when they flagged this post before (also when that was a moment ago, in parallel). */
    public boolean flag(long postId, long reporterId, String reason, OffsetDateTime now) {
        return Inserts.ignoringDuplicate(() -> dsl.insertInto(DISCUSSION_FLAG).set(DISCUSSION_FLAG.POST_ID, postId)
                .set(DISCUSSION_FLAG.REPORTER_ID, reporterId).set(DISCUSSION_FLAG.REASON, reason)
                .set(DISCUSSION_FLAG.CREATED_AT, now)
                .onConflict(DISCUSSION_FLAG.POST_ID, DISCUSSION_FLAG.REPORTER_ID).doNothing().execute()) == 1;
    }

    /** An open flag with its post, for the moderation queue. */
    public record OpenFlag(long id, long postId, long threadId, String threadTitle, String postAuthor, String body,
                           String reporter, String reason, OffsetDateTime createdAt, boolean postHidden) {
    }

    public List<OpenFlag> openFlags(int limit) {
        var reporter = PORTAL_USER.as("reporter");
        var author = PORTAL_USER.as("author");
        return dsl.select(DISCUSSION_FLAG.ID, DISCUSSION_POST.ID, DISCUSSION_THREAD.ID, DISCUSSION_THREAD.TITLE,
                        author.USERNAME, DISCUSSION_POST.BODY, reporter.USERNAME, DISCUSSION_FLAG.REASON,
                        DISCUSSION_FLAG.CREATED_AT, DISCUSSION_POST.HIDDEN)
                .from(DISCUSSION_FLAG).join(DISCUSSION_POST).on(DISCUSSION_POST.ID.eq(DISCUSSION_FLAG.POST_ID))
                .join(DISCUSSION_THREAD).on(DISCUSSION_THREAD.ID.eq(DISCUSSION_POST.THREAD_ID))
                .join(author).on(author.ID.eq(DISCUSSION_POST.AUTHOR_ID))
                .join(reporter).on(reporter.ID.eq(DISCUSSION_FLAG.REPORTER_ID))
                .where(DISCUSSION_FLAG.RESOLVED_AT.isNull()).orderBy(DISCUSSION_FLAG.CREATED_AT, DISCUSSION_FLAG.ID)
                .limit(limit)
                .fetch(r -> new OpenFlag(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }

    /** Resolves every open flag on the post; returns how many. */
    public int resolveFlags(long postId, long moderatorId, String resolution, OffsetDateTime now) {
        return dsl.update(DISCUSSION_FLAG).set(DISCUSSION_FLAG.RESOLVED_AT, now)
                .set(DISCUSSION_FLAG.RESOLVED_BY, moderatorId).set(DISCUSSION_FLAG.RESOLUTION, resolution)
                .where(DISCUSSION_FLAG.POST_ID.eq(postId).and(DISCUSSION_FLAG.RESOLVED_AT.isNull())).execute();
    }

    /** Members whose name or display name starts with (or contains) the text: for @mention completion. */
    public List<String[]> members(String text, int limit) {
        String t = text.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return dsl.select(PORTAL_USER.USERNAME, PORTAL_USER.DISPLAY_NAME).from(PORTAL_USER)
                .where(PORTAL_USER.ENABLED.isTrue())
                .and(DSL.lower(PORTAL_USER.USERNAME).like(t + "%", '!')
                        .or(DSL.lower(PORTAL_USER.DISPLAY_NAME).like("%" + t + "%", '!')))
                .orderBy(PORTAL_USER.USERNAME).limit(limit)
                .fetch(r -> new String[]{r.value1(), r.value2()});
    }

    public long userId(String username) {
        return dsl.select(PORTAL_USER.ID).from(PORTAL_USER).where(PORTAL_USER.USERNAME.eq(username))
                .fetchOptional(PORTAL_USER.ID).orElseThrow(() -> new org.sigportal.base.PortalException(
                        "discussions.error.no-account"));
    }
}
