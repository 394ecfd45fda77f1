package org.sigportal.discussion.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.sigportal.discussion.Category;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.NewThread;
import org.sigportal.discussion.PostConflictException;
import org.sigportal.discussion.PostRevision;
import org.sigportal.discussion.SearchHit;
import org.sigportal.discussion.ThreadDetail;
import org.sigportal.discussion.ThreadPage;
import org.sigportal.discussion.ThreadQuery;
import org.sigportal.discussion.ThreadStatus;
import org.sigportal.discussion.ThreadSummary;
import org.sigportal.base.i18n.PortalI18NProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Discussions over REST: reads with the read scope, writing with community-write, over the same service. */
@RestController
@RequestMapping("/api/v1/discussions")
@Tag(name = "Discussions", description = "Categories, threads, posts and search")
class DiscussionController {

    private final DiscussionService discussions;

    DiscussionController(DiscussionService discussions) {
        this.discussions = discussions;
    }

    @GetMapping("/categories")
    List<Category> categories() {
        return discussions.categories();
    }

    /** A new category: its short name (for addresses), name and optional description. */
    record NewCategory(String slug, String name, @Nullable String description) {
    }

    @Operation(summary = "Create a category (admins and maintainers)",
            description = "slug: 1 to 64 lower-case letters, digits and '-'; name at most 120 characters, "
                    + "description at most 1000. Audited.")
    @PostMapping("/categories")
    ResponseEntity<Category> createCategory(@RequestBody NewCategory category) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(discussions.createCategory(category.slug(), category.name(), category.description()));
    }

    /** A category's new name, description and (optional) position, with the version they are based on. */
    record CategoryChange(int version, String name, @Nullable String description, @Nullable Integer position) {
    }

    @Operation(summary = "Change a category (admins and maintainers)",
            description = "The slug stays. 409 when someone changed the category since 'version'. Audited.")
    @PutMapping("/categories/{id}")
    Category updateCategory(@PathVariable long id, @RequestBody CategoryChange change) {
        return discussions.updateCategory(id, change.version(), change.name(), change.description(),
                change.position());
    }

    /** A page of threads, latest activity first; pass the previous page's {@code next} as {@code after}. */
    record Page(List<ThreadSummary> threads, @Nullable String next) {
    }

    @Operation(summary = "Threads, newest activity first, keyset-paginated",
            description = "Pinned threads are not in these pages (see /pinned). Pass the 'next' of a page as 'after'.")
    @GetMapping("/threads")
    Page threads(@RequestParam(required = false) Long category, @RequestParam(required = false) String tag,
                 @RequestParam(required = false) ThreadStatus status, @RequestParam(required = false) String after,
                 @RequestParam(defaultValue = "25") int limit) {
        ThreadPage page = discussions.threads(new ThreadQuery(category, tag, status, ThreadPage.Cursor.decode(after),
                limit));
        return new Page(page.threads(), page.next() == null ? null : page.next().encode());
    }

    @GetMapping("/threads/pinned")
    List<ThreadSummary> pinned(@RequestParam(required = false) Long category) {
        return discussions.pinned(category);
    }

    @GetMapping("/threads/{id}")
    ResponseEntity<ThreadDetail> thread(@PathVariable long id) {
        return ResponseEntity.of(discussions.thread(id));
    }

    record Created(long id) {
    }

    @Operation(summary = "Start a thread (Markdown body)")
    @PostMapping("/threads")
    ResponseEntity<Created> start(@RequestBody NewThread thread) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(discussions.startThread(thread)));
    }

    record Reply(String body, @Nullable Long quotedPostId) {
    }

    @PostMapping("/threads/{id}/replies")
    ResponseEntity<Created> reply(@PathVariable long id, @RequestBody Reply reply) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(discussions.reply(id, reply.body(), reply.quotedPostId())));
    }

    record StatusChange(ThreadStatus status) {
    }

    @PutMapping("/threads/{id}/status")
    ResponseEntity<Void> status(@PathVariable long id, @RequestBody StatusChange change) {
        discussions.setStatus(id, change.status());
        return ResponseEntity.noContent().build();
    }

    /** A new text for a post, with the version it was based on; {@code title} renames the thread (opening post). */
    record Edit(String body, int version, @Nullable String title) {
    }

    @Operation(summary = "Edit a post",
            description = "409 when someone saved the post since 'version': the answer carries both texts.")
    @PutMapping("/posts/{id}")
    ResponseEntity<Void> edit(@PathVariable long id, @RequestBody Edit edit) {
        discussions.editPost(id, edit.version(), edit.body(), edit.title());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/posts/{id}/history")
    List<PostRevision> history(@PathVariable long id) {
        return discussions.history(id);
    }

    @Operation(summary = "Search posts in Chinese and English",
            description = "Every term must match; Chinese terms match by character bigrams, English by word stem.")
    @GetMapping("/search")
    List<SearchHit> search(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
        return discussions.search(q, limit);
    }

    /** A conflict keeps both texts: the caller's and the one saved meanwhile, with its version to retry against. */
    record Conflict(String code, String message, String yours, String theirs, int currentVersion) {
    }

    @ExceptionHandler(PostConflictException.class)
    ResponseEntity<Conflict> conflict(PostConflictException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Conflict("conflict",
                PortalI18NProvider.translate(e.messageKey(), request.getLocale()), e.yours(), e.theirs(),
                e.currentVersion()));
    }
}
