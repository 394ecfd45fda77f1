package org.sigportal.notification;

import org.jspecify.annotations.Nullable;
import org.sigportal.base.CurrentActor;
import org.sigportal.base.PortalException;
import org.sigportal.notification.internal.JooqNotificationRepository;
import org.sigportal.notification.internal.LiveNotifications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The signed-in member's notifications: newest first, the unread count, marking read, and live updates of the
 * count for open browsers. Reading needs the read scope, marking read community-write.
 */
@Service
public class NotificationService {

    private final JooqNotificationRepository repository;
    private final LiveNotifications live;
    private final Clock clock;

    NotificationService(JooqNotificationRepository repository, LiveNotifications live, Clock clock) {
        this.repository = repository;
        this.live = live;
        this.clock = clock;
    }

    /** A page of notifications, newest first; {@code before} is the last id of the previous page. */
    @PreAuthorize(SubscriptionService.READ)
    public List<Notification> list(boolean unreadOnly, @Nullable Long before, int limit) {
        return repository.notifications(me(), unreadOnly, before, Math.clamp(limit, 1, 200));
    }

    @PreAuthorize(SubscriptionService.READ)
    public int unreadCount() {
        return repository.unreadCount(me());
    }

    /** Marks one of the member's notifications read (reading it twice changes nothing). */
    @PreAuthorize(SubscriptionService.WRITE)
    public void markRead(long id) {
        long me = me();
        if (!repository.markRead(me, id, now())) {
            if (!repository.exists(me, id)) {
                throw new NotificationException("notifications.error.not-found", null);
            }
            return;
        }
        live.changed(me, repository.unreadCount(me));
    }

    /** Marks every unread notification read; how many there were. */
    @PreAuthorize(SubscriptionService.WRITE)
    public int markAllRead() {
        long me = me();
        int marked = repository.markAllRead(me, now());
        if (marked > 0) {
            live.changed(me, 0);
        }
        return marked;
    }

    /**
     * Calls {@code listener} with the member's new unread count whenever it changes, on another thread and
     * without the member's security context: a view passes it to {@code UI.access}. Run the returned action
     * (on detach) to stop.
     */
    @PreAuthorize(SubscriptionService.READ)
    public Runnable onUnreadCountChange(IntConsumer listener) {
        return live.register(me(), listener);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private long me() {
        return CurrentActor.username().flatMap(repository::userId)
                .orElseThrow(() -> new PortalException("notifications.error.no-account"));
    }
}
