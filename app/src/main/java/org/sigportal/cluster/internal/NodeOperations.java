package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.sigportal.base.PortalException;
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
                .orElseThrow(() -> new PortalException("clusters.error.not-connected"));
        Node patch = new NodeBuilder().withNewSpec().withUnschedulable(unschedulable).endSpec().build();
        Node result = client.nodes().withName(nodeName)
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch);
        if (result == null) {
            throw new PortalException("nodes.error.not-found", nodeName);
        }
    }

    public static PortalException refusal(KubernetesClientException e) {
        if (e.getCode() == 404) {
            return new PortalException("nodes.error.not-found", "");
        }
        return KubernetesClients.refusal(e);
    }
}
