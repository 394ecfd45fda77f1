package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A trimmed projection of a pod, kept in the informer cache: where it runs, what owns it, which runtime class it
 * asked for (runc, a sandboxed or a confidential runtime) and how it is doing.
 */
public record PodView(long clusterId, String namespace, String name, String nodeName, String phase,
                      int readyContainers, int containers, int restarts, @Nullable String ownerKind,
                      @Nullable String ownerName, @Nullable String runtimeClass, boolean mirror,
                      @Nullable Instant createdAt) {

    /** {@code namespace/name}, the pod's key within its cluster. */
    public String key() {
        return namespace + "/" + name;
    }

    /** DaemonSet and mirror (static) pods stay on a node when it is drained. */
    public boolean staysOnDrain() {
        return mirror || "DaemonSet".equals(ownerKind);
    }
}
