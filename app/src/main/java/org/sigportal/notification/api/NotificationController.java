package org.sigportal.notification.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.sigportal.notification.Notification;
import org.sigportal.notification.NotificationService;
import org.sigportal.notification.Subscription;
import org.sigportal.notification.SubscriptionKind;
import org.sigportal.notification.SubscriptionService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's notifications and subscriptions over REST: reading with the read scope, changes with community-write. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "In-app notifications and watched threads, categories and tags")
class NotificationController {

    private final NotificationService notifications;
    private final SubscriptionService subscriptions;

    NotificationController(NotificationService notifications, SubscriptionService subscriptions) {
        this.notifications = notifications;
        this.subscriptions = subscriptions;
    }

    @Operation(summary = "Notifications, newest first",
            description = "unread=true for unread ones only; pass the last id of a page as 'before' for the next.")
    @GetMapping
    List<Notification> list(@RequestParam(defaultValue = "false") boolean unread,
                            @RequestParam(required = false) @Nullable Long before,
                            @RequestParam(defaultValue = "50") int limit) {
        return notifications.list(unread, before, limit);
    }

    record Count(int unread) {
    }

    @GetMapping("/unread-count")
    Count unreadCount() {
        return new Count(notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable long id) {
        notifications.markRead(id);
        return ResponseEntity.noContent().build();
    }

    record Marked(int marked) {
    }

    @PostMapping("/read-all")
    Marked markAllRead() {
        return new Marked(notifications.markAllRead());
    }

    @GetMapping("/subscriptions")
    List<Subscription> subscriptions() {
        return subscriptions.mine();
    }

    /** What to watch: a thread or a category by id, or a tag by name. */
    record Watch(SubscriptionKind kind, String target) {
    }

    @Operation(summary = "Watch a thread, a category or a tag", description = "Watching it again changes nothing.")
    @PutMapping("/subscriptions")
    Subscription watch(@RequestBody Watch watch) {
        return subscriptions.watch(watch.kind(), watch.target());
    }

    @DeleteMapping("/subscriptions/{kind}/{target}")
    ResponseEntity<Void> unwatch(@PathVariable SubscriptionKind kind, @PathVariable String target) {
        return subscriptions.unwatch(kind, target) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }
}
