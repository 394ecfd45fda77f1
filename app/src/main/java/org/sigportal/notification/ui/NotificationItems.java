package org.sigportal.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.sigportal.notification.Notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.BiFunction;

/** One notification as a link to its post: what happened, the excerpt as text, and when. */
final class NotificationItems {

    private NotificationItems() {
    }

    static Anchor item(Notification n, Locale locale, BiFunction<String, Object[], String> translate) {
        String actor = n.actorDisplayName().isBlank() ? n.actorUsername() : n.actorDisplayName();
        Span what = new Span(translate.apply(n.kind().messageKey(), new Object[]{actor, n.threadTitle()}));
        what.addClassName("notification-what");
        Span excerpt = new Span(n.text());
        excerpt.addClassName("notification-excerpt");
        Span when = new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault()).format(n.createdAt()));
        when.addClassName("notification-when");
        Anchor link = new Anchor(n.link(), new Component[]{what, excerpt, when});
        link.addClassName("notification-item");
        link.getElement().setAttribute("data-notification", String.valueOf(n.id()));
        if (!n.read()) {
            link.addClassName("unread");
        }
        link.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-s)").set("text-decoration", "none")
                .set("border-radius", "var(--lumo-border-radius-m)");
        if (!n.read()) {
            link.getStyle().set("background", "var(--lumo-primary-color-10pct)");
        }
        what.getStyle().set("font-weight", n.read() ? "normal" : "600").set("color", "var(--lumo-body-text-color)");
        excerpt.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("overflow", "hidden").set("text-overflow", "ellipsis").set("white-space", "nowrap");
        when.getStyle().set("color", "var(--lumo-tertiary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
        return link;
    }
}
