package org.sigportal.discussion;

import org.jspecify.annotations.Nullable;

/**
 * Which threads, newest activity first, after a keyset cursor (null for the first page). Pinned threads are not in
 * these pages: {@link DiscussionService#pinned} lists them for the top of a list.
 */
public record ThreadQuery(@Nullable Long categoryId, @Nullable String tag, @Nullable ThreadStatus status,
                          ThreadPage.@Nullable Cursor after, int limit) {

    public static ThreadQuery latest(int limit) {
        return new ThreadQuery(null, null, null, null, limit);
    }
}
