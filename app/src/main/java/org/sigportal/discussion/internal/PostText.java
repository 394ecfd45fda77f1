package org.sigportal.discussion.internal;

import org.jspecify.annotations.Nullable;
import org.sigportal.base.markdown.SafeMarkdown;
import org.sigportal.base.search.SearchTokens;

/** What search indexes of a post: the thread's title (for an opening post) and the text a reader sees. */
public final class PostText {

    private PostText() {
    }

    public static String tokens(SafeMarkdown markdown, @Nullable String title, String body) {
        String plain = markdown.excerpt(body, 200_000);
        return SearchTokens.index(title == null ? plain : title + "\n" + plain);
    }
}
