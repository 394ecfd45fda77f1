package org.sigportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.sigportal.base.PortalException;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Turns any exception thrown while handling a user's action into a readable message in the user's
 * language. The stack trace goes to the log under a short reference the user can quote, never to the screen.
 */
@Component
class PortalErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent event) {
        Throwable cause = event.getThrowable();
        PortalException portal = findCause(cause, PortalException.class);
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Error outside a UI", cause);
            return;
        }
        String message;
        if (portal != null) {
            message = PortalI18NProvider.translate(portal.messageKey(), ui.getLocale(), portal.arguments());
        } else if (findCause(cause, AccessDeniedException.class) != null) {
            message = PortalI18NProvider.translate("error.access-denied", ui.getLocale());
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Unexpected error, reference {}", reference, cause);
            message = PortalI18NProvider.translate("error.unexpected", ui.getLocale(), reference);
        }
        ui.access(() -> Notifications.error(message));
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        Throwable current = t;
        while (current != null) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }
}
