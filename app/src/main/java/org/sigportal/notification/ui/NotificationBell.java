package org.sigportal.notification.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.notification.Notification;
import org.sigportal.notification.NotificationService;

import java.util.List;

/**
 * The bell in the top bar: the unread count as a badge, kept current by push while the page is open, and a list
 * of the latest notifications, each a link to its post, with "mark all read".
 */
class NotificationBell extends Div {

    static final int LATEST = 15;

    private final transient NotificationService notifications;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private final Div list = new Div();
    private final Popover popover = new Popover();
    private transient @Nullable Runnable unsubscribe;

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
        setId("notification-area");
        getStyle().set("position", "relative").set("display", "inline-flex");

        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error primary small pill");
        count.getStyle().set("position", "absolute").set("top", "0").set("right", "0").set("pointer-events", "none");

        list.setId("notification-list");
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("max-height", "60vh").set("overflow", "auto");
        Button markAll = new Button(getTranslation("notifications.mark-all-read"), e -> markAllRead());
        markAll.setId("notification-mark-all-read");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        H4 title = new H4(getTranslation("notifications.title"));
        title.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(title, markAll);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        Anchor all = new Anchor("notifications", getTranslation("notifications.show-all"));
        all.setId("notification-show-all");

        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setAriaLabel(getTranslation("notifications.title"));
        popover.setWidth("24rem");
        popover.add(header, list, all);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                reload();
            }
        });
        add(bell, count, popover);
        show(safeCount());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        unsubscribe = notifications.onUnreadCountChange(unread -> ui.access(() -> show(unread)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.onDetach(event);
    }

    private void show(int unread) {
        count.setText(unread > 99 ? "99+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        String label = unread > 0 ? getTranslation("notifications.bell.unread", unread)
                : getTranslation("notifications.title");
        bell.setAriaLabel(label);
        bell.setTooltipText(label);
    }

    private void reload() {
        list.removeAll();
        List<Notification> latest = notifications.list(false, null, LATEST);
        if (latest.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("notifications.empty"));
            empty.setId("notification-empty");
            list.add(empty);
        }
        for (Notification n : latest) {
            Anchor item = NotificationItems.item(n, getLocale(), this::getTranslation);
            item.getElement().addEventListener("click", e -> {
                if (!n.read()) {
                    markRead(n.id());
                }
                popover.close();
            });
            list.add(item);
        }
        show(safeCount());
    }

    private void markRead(long id) {
        try {
            notifications.markRead(id);
        } catch (PortalException e) {
            // already gone: the list reloads next time
        }
    }

    private void markAllRead() {
        try {
            notifications.markAllRead();
            reload();
        } catch (PortalException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private int safeCount() {
        try {
            return notifications.unreadCount();
        } catch (PortalException e) {
            return 0;
        }
    }
}
