package org.sigportal.notification;

import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;

import java.io.Serial;

/** A refusal about notifications, subscriptions or webhooks, possibly about one input field. */
public class NotificationException extends PortalException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @Nullable String field;

    NotificationException(String messageKey, @Nullable String field, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    @Override
    public @Nullable String field() {
        return field;
    }
}
