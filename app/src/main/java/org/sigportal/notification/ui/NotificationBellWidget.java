package org.sigportal.notification.ui;

import org.sigportal.base.ui.NavbarWidget;
import org.sigportal.notification.NotificationService;

import java.util.Optional;

/** Puts the notification bell into the top bar for signed-in members. */
@org.springframework.stereotype.Component
class NotificationBellWidget implements NavbarWidget {

    private final NotificationService notifications;

    NotificationBellWidget(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        return Members.signedIn() ? Optional.of(new NotificationBell(notifications)) : Optional.empty();
    }
}
