package org.sigportal.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.PortalException;
import org.sigportal.cluster.internal.NodeOperations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations on nodes, through the API server: cordon and uncordon, one node or a selection. Each needs the
 * operator role, writes the audit trail, and turns the API server's refusals into readable messages.
 */
@Service
public class NodeOperationsService {

    private static final String TARGET = "node";

    private final NodeOperations operations;
    private final AuditService audit;

    NodeOperationsService(NodeOperations operations, AuditService audit) {
        this.operations = operations;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize(ClusterService.OPERATE)
    public void cordon(long clusterId, String node) {
        setUnschedulable(clusterId, node, true);
    }

    @Transactional
    @PreAuthorize(ClusterService.OPERATE)
    public void uncordon(long clusterId, String node) {
        setUnschedulable(clusterId, node, false);
    }

    /** The same operation on many nodes; one node's refusal does not stop the others. */
    @PreAuthorize(ClusterService.OPERATE)
    public Map<String, String> bulk(List<NodeView> nodes, boolean cordon) {
        Map<String, String> results = new LinkedHashMap<>();
        for (NodeView n : nodes) {
            try {
                if (cordon) {
                    cordon(n.clusterId(), n.name());
                } else {
                    uncordon(n.clusterId(), n.name());
                }
                results.put(n.key(), "");
            } catch (PortalException e) {
                results.put(n.key(), e.messageKey());
            }
        }
        return results;
    }

    private void setUnschedulable(long clusterId, String node, boolean unschedulable) {
        String action = unschedulable ? "node.cordon" : "node.uncordon";
        String target = clusterId + "/" + node;
        try {
            operations.setUnschedulable(clusterId, node, unschedulable);
        } catch (PortalException e) {
            audit.failure(action, TARGET, target, AuditOutcome.FAILURE, e.messageKey());
            throw e;
        } catch (KubernetesClientException e) {
            AuditOutcome outcome = e.getCode() == 403 ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
            audit.failure(action, TARGET, target, outcome, "HTTP " + e.getCode());
            throw NodeOperations.refusal(e);
        }
        audit.success(action, TARGET, target, null);
    }
}
