package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Quantity;
import org.sigportal.cluster.NodeView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Trims a Kubernetes node to the {@link NodeView} the cache keeps. */
final class NodeProjection {

    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";

    private NodeProjection() {
    }

    static NodeView of(long clusterId, String clusterName, Node node) {
        var meta = node.getMetadata();
        Map<String, String> labels = meta.getLabels() == null ? Map.of() : new TreeMap<>(meta.getLabels());
        List<String> roles = labels.keySet().stream().filter(k -> k.startsWith(ROLE_PREFIX))
                .map(k -> k.substring(ROLE_PREFIX.length())).filter(r -> !r.isEmpty()).sorted().toList();
        var spec = node.getSpec();
        var status = node.getStatus();
        NodeSystemInfo info = status == null ? null : status.getNodeInfo();
        List<NodeView.Condition> conditions = new ArrayList<>();
        NodeView.NodeStatus ready = NodeView.NodeStatus.UNKNOWN;
        if (status != null && status.getConditions() != null) {
            for (NodeCondition c : status.getConditions()) {
                conditions.add(new NodeView.Condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage()));
                if ("Ready".equals(c.getType())) {
                    ready = switch (String.valueOf(c.getStatus())) {
                        case "True" -> NodeView.NodeStatus.READY;
                        case "False" -> NodeView.NodeStatus.NOT_READY;
                        default -> NodeView.NodeStatus.UNKNOWN;
                    };
                }
            }
        }
        List<NodeView.Taint> taints = spec == null || spec.getTaints() == null ? List.of()
                : spec.getTaints().stream().map(t -> new NodeView.Taint(t.getKey(), t.getValue(), t.getEffect()))
                .toList();
        List<String> addresses = status == null || status.getAddresses() == null ? List.of()
                : status.getAddresses().stream().map(a -> a.getType() + ": " + a.getAddress()).toList();
        Map<String, Quantity> allocatable = status == null || status.getAllocatable() == null ? Map.of()
                : status.getAllocatable();
        return new NodeView(clusterId, clusterName, meta.getName(), roles, ready,
                spec != null && Boolean.TRUE.equals(spec.getUnschedulable()),
                info == null ? "" : nz(info.getOsImage()), info == null ? "" : nz(info.getKernelVersion()),
                info == null ? "" : nz(info.getContainerRuntimeVersion()),
                info == null ? "" : nz(info.getKubeletVersion()),
                quantity(allocatable, "cpu"), quantity(allocatable, "memory"), quantity(allocatable, "pods"),
                meta.getCreationTimestamp() == null ? null : PodProjection.instant(meta.getCreationTimestamp()),
                Map.copyOf(labels), List.copyOf(taints), List.copyOf(conditions), List.copyOf(addresses),
                nz(meta.getResourceVersion()));
    }

    private static String quantity(Map<String, Quantity> values, String key) {
        Quantity q = values.get(key);
        return q == null ? "" : q.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
