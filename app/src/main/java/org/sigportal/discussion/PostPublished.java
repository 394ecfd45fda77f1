package org.sigportal.discussion;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Published when a thread starts ({@code opening}) or a reply is posted, inside the writing transaction: listeners
 * that notify, mail or call webhooks should act after commit. {@code body} is the Markdown as written.
 */
public record PostPublished(long threadId, long postId, boolean opening, long categoryId, String categorySlug,
                            List<String> tags, String author, String threadTitle, String threadAuthor,
                            @Nullable String quotedAuthor, String body) {
}
