package org.sigportal.notification.internal;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntConsumer;

/**
 * Tells the open browsers of a member their new unread count. Listeners run on their own threads, never on the
 * thread that changed the notifications (which may hold another member's session), and get the count rather
 * than a reason to query: they run without the member's security context.
 */
@Component
public class LiveNotifications {

    private static final Logger log = LoggerFactory.getLogger(LiveNotifications.class);

    private final Map<Long, Set<IntConsumer>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** Registers a listener of one member's unread count; run the returned action to remove it. */
    public Runnable register(long userId, IntConsumer listener) {
        listeners.computeIfAbsent(userId, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(userId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    public boolean hasListeners(long userId) {
        return listeners.containsKey(userId);
    }

    public void changed(long userId, int unread) {
        Set<IntConsumer> set = listeners.get(userId);
        if (set == null) {
            return;
        }
        for (IntConsumer listener : set) {
            try {
                executor.execute(() -> {
                    try {
                        listener.accept(unread);
                    } catch (RuntimeException e) {
                        log.debug("A live notification listener failed", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                return; // shutting down
            }
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
