package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import org.jspecify.annotations.Nullable;
import org.sigportal.cluster.NodeEvent;
import org.sigportal.cluster.PodView;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Trims pods and node events to what the caches keep. */
final class PodProjection {

    private static final String MIRROR = "kubernetes.io/config.mirror";

    private PodProjection() {
    }

    static PodView of(long clusterId, Pod pod) {
        var meta = pod.getMetadata();
        var spec = pod.getSpec();
        var status = pod.getStatus();
        OwnerReference owner = meta.getOwnerReferences() == null ? null : meta.getOwnerReferences().stream()
                .filter(o -> Boolean.TRUE.equals(o.getController())).findFirst()
                .orElse(meta.getOwnerReferences().isEmpty() ? null : meta.getOwnerReferences().getFirst());
        List<ContainerStatus> containers = status == null || status.getContainerStatuses() == null ? List.of()
                : status.getContainerStatuses();
        int declared = spec == null || spec.getContainers() == null ? 0 : spec.getContainers().size();
        int ready = (int) containers.stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count();
        int restarts = containers.stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
        return new PodView(clusterId, meta.getNamespace(), meta.getName(),
                spec == null || spec.getNodeName() == null ? "" : spec.getNodeName(),
                status == null || status.getPhase() == null ? "Pending" : status.getPhase(),
                ready, Math.max(declared, containers.size()), restarts,
                owner == null ? null : owner.getKind(), owner == null ? null : owner.getName(),
                spec == null ? null : spec.getRuntimeClassName(),
                meta.getAnnotations() != null && meta.getAnnotations().containsKey(MIRROR),
                instant(meta.getCreationTimestamp()));
    }

    static NodeEvent event(Event e) {
        String last = e.getLastTimestamp() != null ? e.getLastTimestamp()
                : e.getEventTime() != null && e.getEventTime().getTime() != null ? e.getEventTime().getTime()
                : e.getMetadata().getCreationTimestamp();
        String source = e.getSource() == null ? "" : nz(e.getSource().getComponent());
        return new NodeEvent(nz(e.getType()), nz(e.getReason()), nz(e.getMessage()),
                e.getCount() == null ? 1 : e.getCount(), instant(last), source);
    }

    static @Nullable Instant instant(@Nullable String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
