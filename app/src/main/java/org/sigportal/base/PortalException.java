package org.sigportal.base;

import java.io.Serial;
import java.util.List;

/**
 * A refusal the user should read: carries an i18n message key and its arguments, so a view or an API
 * can render it in the user's language. Never carries a stack trace to the screen.
 */
public class PortalException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> arguments;

    public PortalException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** The input field the refusal concerns, if it concerns one. */
    public @org.jspecify.annotations.Nullable String field() {
        return null;
    }
}
