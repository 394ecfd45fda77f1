package org.sigportal.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.base.ui.Notifications;
import org.sigportal.discussion.ThreadActions;
import org.sigportal.notification.SubscriptionKind;
import org.sigportal.notification.SubscriptionService;
import org.springframework.core.annotation.Order;

import java.util.Optional;

/**
 * "Watch" / "Watching" on a thread's page and above a list filtered to a category or a tag (the tag when both
 * are set), for members.
 */
@org.springframework.stereotype.Component
@Order(10)
class WatchActions implements ThreadActions {

    private final SubscriptionService subscriptions;

    WatchActions(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Optional<Component> forThread(long threadId) {
        return toggle(SubscriptionKind.THREAD, String.valueOf(threadId));
    }

    @Override
    public Optional<Component> forList(@Nullable Long categoryId, @Nullable String tag) {
        if (tag != null && !tag.isBlank()) {
            return toggle(SubscriptionKind.TAG, tag);
        }
        return categoryId == null ? Optional.empty() : toggle(SubscriptionKind.CATEGORY, String.valueOf(categoryId));
    }

    private Optional<Component> toggle(SubscriptionKind kind, String target) {
        if (!Members.signedIn()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WatchToggle(subscriptions, kind, target,
                    subscriptions.isWatching(kind, target)));
        } catch (PortalException e) {
            return Optional.empty(); // a tag that cannot be watched, an account that cannot write
        }
    }

    /** The button itself: its text and icon say whether the member watches now. */
    static final class WatchToggle extends Button {

        private final transient SubscriptionService subscriptions;
        private final SubscriptionKind kind;
        private final String target;
        private boolean watching;

        WatchToggle(SubscriptionService subscriptions, SubscriptionKind kind, String target, boolean watching) {
            this.subscriptions = subscriptions;
            this.kind = kind;
            this.target = target;
            setId("watch-toggle");
            addThemeVariants(ButtonVariant.LUMO_SMALL);
            setTooltipText(getTranslation("notifications.watch.tooltip." + kind.name().toLowerCase(java.util.Locale.ROOT)));
            addClickListener(e -> toggle());
            show(watching);
        }

        private void toggle() {
            try {
                if (watching) {
                    subscriptions.unwatch(kind, target);
                } else {
                    subscriptions.watch(kind, target);
                }
                show(!watching);
            } catch (PortalException e) {
                Notifications.error(getTranslation(e.messageKey(), e.arguments()));
            }
        }

        private void show(boolean now) {
            watching = now;
            setText(getTranslation(now ? "notifications.watching" : "notifications.watch"));
            setIcon(now ? VaadinIcon.BELL.create() : VaadinIcon.BELL_O.create());
            getElement().setAttribute("aria-pressed", String.valueOf(now));
            getThemeNames().remove("primary");
            if (now) {
                addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        }
    }
}
