package org.sigportal.discussion;

import org.jspecify.annotations.Nullable;

/** A category of threads: one per SIG and a general one, kept as records that admins and maintainers manage. */
public record Category(long id, String slug, String name, @Nullable String description, int position, boolean demo,
                       int version) {
}
