package org.sigportal.cluster.ui;

import org.sigportal.base.PortalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work a dialog runs off the UI thread (a drain, a bulk operation): its result, or whatever ended it, is handed
 * on, so that the dialog never keeps spinning.
 */
final class BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    /** A message key and its arguments, translated by the dialog. */
    record Message(String key, Object... arguments) {
    }

    private BackgroundWork() {
    }

    /** Runs {@code work}; {@code failed} hears about any exception or error that ends it (errors go on up). */
    static <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        T result;
        try {
            result = work.get();
        } catch (Throwable t) { // whatever ends the work, the dialog must say so
            failed.accept(t);
            if (t instanceof Error e) {
                throw e;
            }
            return;
        }
        done.accept(result);
    }

    /**
     * What to tell the user: a refusal's own reason, missing rights, or for anything unexpected
     * {@code unexpectedKey} with a reference under which the stack trace is logged.
     */
    static Message failure(Throwable t, String unexpectedKey) {
        if (t instanceof PortalException e) {
            return new Message(e.messageKey(), e.arguments());
        }
        if (t instanceof AccessDeniedException) {
            return new Message("error.access-denied");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Work in the background failed unexpectedly, reference {}", reference, t);
        return new Message(unexpectedKey, reference);
    }
}
