package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An event the API server recorded about a node (kubelet restarts, pressure, reboots, ...). */
public record NodeEvent(String type, String reason, String message, int count, @Nullable Instant lastSeen,
                        String source) {
}
