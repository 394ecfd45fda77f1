package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

/**
 * A step of a drain as it happens, for live progress: {@code done} of {@code total} pods to evict have been
 * dealt with (evicted, refused or already gone); while waiting, {@code waiting} evicted pods are still there.
 */
public record DrainStep(Kind kind, @Nullable String pod, int done, int total, int waiting) {

    public enum Kind { CORDONED, PLANNED, EVICTED, REFUSED, GONE, WAITING, FINISHED }
}
