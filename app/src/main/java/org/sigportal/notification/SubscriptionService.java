package org.sigportal.notification;

import org.sigportal.base.CurrentActor;
import org.sigportal.base.PortalException;
import org.sigportal.notification.internal.JooqNotificationRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the signed-in member watches: threads (replies), categories and tags (new threads and replies). Reading
 * needs the read scope, changes community-write. Starting a thread or replying in it watches it too.
 */
@Service
public class SubscriptionService {

    static final String READ = "hasRole('MEMBER') and hasAuthority('SCOPE_read')";
    static final String WRITE = "hasRole('MEMBER') and hasAuthority('SCOPE_community-write')";

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,39}");

    private final JooqNotificationRepository repository;
    private final Clock clock;

    SubscriptionService(JooqNotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Subscription> mine() {
        return repository.subscriptions(me());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public boolean isWatching(SubscriptionKind kind, String target) {
        return repository.subscribed(me(), kind, normalise(kind, target));
    }

    /** Watches the target (again watching it changes nothing); refused for threads and categories that do not exist. */
    @Transactional
    @PreAuthorize(WRITE)
    public Subscription watch(SubscriptionKind kind, String target) {
        String t = normalise(kind, target);
        switch (kind) {
            case THREAD -> {
                if (!repository.threadVisible(Long.parseLong(t))) {
                    throw new NotificationException("notifications.error.no-thread", "target");
                }
            }
            case CATEGORY -> {
                if (!repository.categoryExists(Long.parseLong(t))) {
                    throw new NotificationException("notifications.error.no-category", "target");
                }
            }
            case TAG -> {
                // any well-formed tag: one may watch a tag before its first thread
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long me = me();
        repository.subscribe(me, kind, t, now);
        return repository.subscriptions(me).stream().filter(s -> s.kind() == kind && s.target().equals(t))
                .findFirst().orElse(new Subscription(kind, t, now));
    }

    /** Stops watching; false when the member did not watch it. */
    @Transactional
    @PreAuthorize(WRITE)
    public boolean unwatch(SubscriptionKind kind, String target) {
        return repository.unsubscribe(me(), kind, normalise(kind, target));
    }

    private static String normalise(SubscriptionKind kind, String target) {
        String t = target == null ? "" : target.strip();
        return switch (kind) {
            case THREAD, CATEGORY -> {
                try {
                    yield String.valueOf(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    throw new NotificationException(kind == SubscriptionKind.THREAD ? "notifications.error.no-thread"
                            : "notifications.error.no-category", "target");
                }
            }
            case TAG -> {
                String tag = t.toLowerCase(Locale.ROOT).replaceFirst("^#", "");
                if (!TAG.matcher(tag).matches()) {
                    throw new NotificationException("notifications.error.tag", "target", tag);
                }
                yield tag;
            }
        };
    }

    private long me() {
        return CurrentActor.username().flatMap(repository::userId)
                .orElseThrow(() -> new PortalException("notifications.error.no-account"));
    }
}
