package org.sigportal.base;

import org.jspecify.annotations.Nullable;

import java.io.Serial;
import java.util.List;

/**
 * A refusal the user should read: carries an i18n message key and its arguments, so a view or an API
 * can render it in the user's language, and the {@link Kind} of refusal, which the REST API turns into its
 * status code. Never carries a stack trace to the screen.
 */
public class PortalException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What sort of refusal this is; the REST API answers each with its own status code. */
    public enum Kind {
        /** The input is wrong (400). */
        INVALID,
        /** The caller, or the portal on the caller's behalf, may not do this (403). */
        FORBIDDEN,
        /** The thing asked about does not exist (404). */
        NOT_FOUND,
        /** Someone else changed it first (409). */
        CONFLICT,
        /** Well-formed, but refused by the rules of the thing it changes, such as an API server's validation (422). */
        UNPROCESSABLE,
        /** Too many requests in too short a time (429). */
        TOO_MANY,
        /** Something the portal depends on cannot be reached now (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String messageKey;
    private final transient List<Object> arguments;

    public PortalException(String messageKey, Object... arguments) {
        this(Kind.INVALID, messageKey, arguments);
    }

    public PortalException(Kind kind, String messageKey, Object... arguments) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** The input field the refusal concerns, if it concerns one. */
    public @Nullable String field() {
        return null;
    }
}
