package org.sigportal.discussion;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * Controls other features add to the discussion views (for example "watch this thread"), as Spring beans; the
 * views know only this interface.
 */
public interface ThreadActions {

    /** A control shown on a thread's page. */
    Optional<Component> forThread(long threadId);

    /** A control shown above a thread list filtered to a category or a tag (both null: all threads). */
    Optional<Component> forList(@Nullable Long categoryId, @Nullable String tag);
}
