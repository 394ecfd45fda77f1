package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trimmed projection of a Kubernetes node, kept in the informer cache: only what the views need, no
 * managed fields, no images list. {@code resourceVersion} is what an edit sends back, so that a change made by
 * someone else in between ends in a conflict instead of being overwritten.
 */
public record NodeView(long clusterId, String clusterName, String name, List<String> roles, NodeStatus status,
                       boolean unschedulable, String osImage, String kernelVersion, String containerRuntime,
                       String kubeletVersion, String cpu, String memory, String pods, @Nullable Instant createdAt,
                       Map<String, String> labels, List<Taint> taints, List<Condition> conditions,
                       List<String> addresses, String resourceVersion) {

    public enum NodeStatus { READY, NOT_READY, UNKNOWN }

    public record Taint(String key, @Nullable String value, String effect) {
        @Override
        public String toString() {
            return key + (value == null || value.isEmpty() ? "" : "=" + value) + ":" + effect;
        }
    }

    public record Condition(String type, String status, @Nullable String reason, @Nullable String message) {
    }

    /** The node's key across the fleet. */
    public String key() {
        return clusterId + "/" + name;
    }
}
