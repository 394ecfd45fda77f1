package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.cluster.NodeView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The Kubernetes side of node operations. */
@Component
public class NodeOperations {

    private final ClusterCaches caches;

    NodeOperations(ClusterCaches caches) {
        this.caches = caches;
    }

    public void setUnschedulable(long clusterId, String nodeName, boolean unschedulable) {
        KubernetesClient client = caches.client(clusterId)
                .orElseThrow(() -> new PortalException(PortalException.Kind.UNAVAILABLE, "clusters.error.not-connected"));
        Node patch = new NodeBuilder().withNewSpec().withUnschedulable(unschedulable).endSpec().build();
        Node result = client.nodes().withName(nodeName)
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
        if (result == null) {
            throw new PortalException(PortalException.Kind.NOT_FOUND, "nodes.error.not-found", nodeName);
        }
    }

    /**
     * Sets and removes labels with a JSON merge patch. With a resource version the API server applies it only to
     * that version of the node and answers 409 otherwise, so an edit never overwrites a change it did not see.
     */
    public void editLabels(long clusterId, String nodeName, @Nullable String resourceVersion,
                           Map<String, String> set, Set<String> remove) {
        Map<String, Object> labels = new LinkedHashMap<>();
        remove.forEach(k -> labels.put(k, null));
        labels.putAll(set);
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (resourceVersion != null && !resourceVersion.isBlank()) {
            metadata.put("resourceVersion", resourceVersion);
        }
        metadata.put("labels", labels);
        mergePatch(clusterId, nodeName, Map.of("metadata", metadata));
    }

    /** Replaces the node's taints, only if the node is still at {@code resourceVersion} (409 otherwise). */
    public void setTaints(long clusterId, String nodeName, String resourceVersion, List<NodeView.Taint> taints) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (NodeView.Taint t : taints) {
            Map<String, Object> taint = new LinkedHashMap<>();
            taint.put("key", t.key());
            if (t.value() != null && !t.value().isEmpty()) {
                taint.put("value", t.value());
            }
            taint.put("effect", t.effect());
            list.add(taint);
        }
        mergePatch(clusterId, nodeName, Map.of("metadata", Map.of("resourceVersion", resourceVersion),
                "spec", Map.of("taints", list)));
    }

    private void mergePatch(long clusterId, String nodeName, Map<String, Object> patch) {
        KubernetesClient client = caches.client(clusterId)
                .orElseThrow(() -> new PortalException(PortalException.Kind.UNAVAILABLE, "clusters.error.not-connected"));
        String json = client.getKubernetesSerialization().asJson(patch);
        Node result = client.nodes().withName(nodeName).patch(PatchContext.of(PatchType.JSON_MERGE), json);
        if (result == null) {
            throw new PortalException(PortalException.Kind.NOT_FOUND, "nodes.error.not-found", nodeName);
        }
    }

    public static PortalException refusal(KubernetesClientException e) {
        if (e.getCode() == 404) {
            return new PortalException(PortalException.Kind.NOT_FOUND, "nodes.error.not-found", "");
        }
        return KubernetesClients.refusal(e);
    }
}
