package org.sigportal.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.PortalException;
import org.sigportal.base.CurrentActor;
import org.sigportal.cluster.internal.NodeDrainer;
import org.sigportal.cluster.internal.NodeOperations;

import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Operations on nodes, through the API server: cordon, uncordon and drain. Each needs the
 * operator role, writes the audit trail, and turns the API server's refusals into readable messages.
 */
@Service
public class NodeOperationsService {

    private static final String TARGET = "node";

    public static final Duration MAX_DRAIN_TIMEOUT = Duration.ofMinutes(10);

    private final NodeOperations operations;
    private final NodeDrainer drainer;
    private final AuditService audit;

    NodeOperationsService(NodeOperations operations, NodeDrainer drainer, AuditService audit) {
        this.operations = operations;
        this.drainer = drainer;
        this.audit = audit;
    }

    /**
     * Cordons the node, evicts its pods through the Eviction API (disruption budgets respected; DaemonSet and
     * mirror pods skipped) and waits up to {@code timeout} for them to go. Long-running: call it off the UI thread.
     */
    @PreAuthorize(ClusterService.OPERATE)
    public DrainReport drain(long clusterId, String node, Duration timeout, Consumer<String> progress) {
        if (timeout.isNegative() || timeout.compareTo(MAX_DRAIN_TIMEOUT) > 0) {
            throw new PortalException("nodes.error.drain-timeout", MAX_DRAIN_TIMEOUT.toMinutes());
        }
        String target = clusterId + "/" + node;
        try {
            DrainReport report = drainer.drain(clusterId, node, timeout, progress);
            audit.recordAs(CurrentActor.nameOrAnonymous(), "node.drain", TARGET, target,
                    report.complete() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    "evicted " + report.evicted().size() + ", still terminating " + report.stillTerminating().size()
                            + ", refused " + report.refused() + ", skipped " + report.skipped().size());
            return report;
        } catch (PortalException e) {
            audit.failure("node.drain", TARGET, target, AuditOutcome.FAILURE, e.messageKey());
            throw e;
        } catch (KubernetesClientException e) {
            audit.failure("node.drain", TARGET, target,
                    e.getCode() == 403 ? AuditOutcome.DENIED : AuditOutcome.FAILURE, "HTTP " + e.getCode());
            throw NodeOperations.refusal(e);
        }
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
