package org.sigportal.base.api;

import org.jspecify.annotations.Nullable;

/** The body of every REST error: a stable code for programs, a message in the caller's language, the field. */
public record ApiError(String error, String message, @Nullable String field) {
}
