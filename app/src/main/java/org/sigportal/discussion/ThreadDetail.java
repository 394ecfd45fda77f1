package org.sigportal.discussion;

import java.util.List;

/** A thread with its posts in order, the opening post first. */
public record ThreadDetail(ThreadSummary thread, List<Post> posts) {
}
