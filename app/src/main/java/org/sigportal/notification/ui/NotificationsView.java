package org.sigportal.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.Roles;
import org.sigportal.base.ui.ViewHeader;
import org.sigportal.notification.Notification;
import org.sigportal.notification.NotificationService;

import java.util.List;

/** Every notification of the signed-in member, newest first, page by page, with "mark all read". */
@Route("notifications")
@RolesAllowed(Roles.MEMBER)
class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private static final int PAGE = 30;

    private final transient NotificationService notifications;
    private final Div list = new Div();
    private final Button more = new Button();
    private @Nullable Long last;

    NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        addClassName("portal-page");
        Button markAll = new Button(getTranslation("notifications.mark-all-read"), e -> {
            notifications.markAllRead();
            list.removeAll();
            last = null;
            loadMore();
        });
        markAll.setId("notifications-mark-all-read");
        add(new ViewHeader(getTranslation("notifications.title"), getTranslation("notifications.description"),
                markAll));
        list.setId("notifications-page-list");
        list.setWidthFull();
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("max-width", "48rem");
        more.setText(getTranslation("notifications.load-more"));
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> loadMore());
        Anchor watched = new Anchor("discuss", getTranslation("notifications.to-discussions"));
        add(list, more, watched);
        loadMore();
    }

    private void loadMore() {
        List<Notification> page = notifications.list(false, last, PAGE);
        if (page.isEmpty() && last == null) {
            list.add(new Paragraph(getTranslation("notifications.empty")));
        }
        page.forEach(n -> {
            var item = NotificationItems.item(n, getLocale(), this::getTranslation);
            item.getElement().addEventListener("click", e -> {
                if (!n.read()) {
                    notifications.markRead(n.id());
                }
            });
            list.add(item);
        });
        if (!page.isEmpty()) {
            last = page.getLast().id();
        }
        more.setVisible(page.size() == PAGE);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title");
    }
}
