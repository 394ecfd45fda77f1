package org.sigportal.notification.internal;

import org.sigportal.base.markdown.MentionSyntax;

import java.util.Set;

/**
 * The {@code @username}s a Markdown text names, as a reader sees them (see {@link MentionSyntax}, which the
 * discussions use to link the same names): text in code spans and code blocks is code, not a mention, and neither
 * is an address such as {@code alice@example.org} or a path such as {@code /@bob}. Candidates only: whether such
 * an account exists is for the caller to check.
 */
public final class Mentions {

    /** More names than this in one post are ignored: a post is no mailing list. */
    public static final int MAX = 20;

    private Mentions() {
    }

    /**
     * Lower-case names in the order they appear. A name ending in '.', '-' or '_' (the end of a sentence) comes
     * with the same name without that ending, so either may match an account.
     */
    public static Set<String> in(String markdown) {
        return MentionSyntax.names(markdown, 2 * MAX);
    }
}
