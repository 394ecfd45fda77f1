package org.sigportal.discussion;

import java.time.OffsetDateTime;
import java.util.List;

/** A post that matches a search, with the part of its text around the matches, the matches marked. */
public record SearchHit(long threadId, long postId, String threadTitle, String categoryName,
                        List<Fragment> excerpt, OffsetDateTime postedAt) {

    /** A piece of plain text; {@code match} pieces are shown highlighted. Never HTML. */
    public record Fragment(String text, boolean match) {
    }
}
