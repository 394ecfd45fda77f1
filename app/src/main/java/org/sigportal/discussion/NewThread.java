package org.sigportal.discussion;

import java.util.List;

/** What a member writes to start a thread. */
public record NewThread(long categoryId, String title, String body, List<String> tags) {
}
