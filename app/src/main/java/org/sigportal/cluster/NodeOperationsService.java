package org.sigportal.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.PortalException;
import org.sigportal.base.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.ConcurrentEditException;
import org.sigportal.cluster.internal.ClusterCaches;
import org.sigportal.cluster.internal.NodeDrainer;
import org.sigportal.cluster.internal.NodeOperations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Operations on nodes, through the API server: cordon, uncordon, drain, label and taint edits, one node at a time
 * or in bulk. Each needs the operator role, writes the audit trail, and turns the API server's refusals (403, 409,
 * 422) into readable messages.
 */
@Service
public class NodeOperationsService {

    private static final String TARGET = "node";

    public static final Duration MAX_DRAIN_TIMEOUT = Duration.ofMinutes(10);

    private final NodeOperations operations;
    private final NodeDrainer drainer;
    private final ClusterCaches caches;
    private final AuditService audit;
    private final TransactionTemplate transactions;

    NodeOperationsService(NodeOperations operations, NodeDrainer drainer, ClusterCaches caches, AuditService audit,
                          PlatformTransactionManager transactionManager) {
        this.operations = operations;
        this.drainer = drainer;
        this.caches = caches;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Cordons the node, evicts its pods through the Eviction API (disruption budgets respected; DaemonSet and
     * mirror pods skipped) and waits up to {@code timeout} for them to go, telling {@code progress} each step.
     * Long-running: call it off the UI thread.
     */
    @PreAuthorize(ClusterService.OPERATE)
    public DrainReport drain(long clusterId, String node, Duration timeout, Consumer<DrainStep> progress) {
        checkTimeout(timeout);
        return doDrain(clusterId, node, timeout, progress);
    }

    private static void checkTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.compareTo(MAX_DRAIN_TIMEOUT) > 0) {
            throw new PortalException("nodes.error.drain-timeout", MAX_DRAIN_TIMEOUT.toMinutes());
        }
    }

    private DrainReport doDrain(long clusterId, String node, Duration timeout, Consumer<DrainStep> progress) {
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

    @PreAuthorize(ClusterService.OPERATE)
    public void cordon(long clusterId, String node) {
        apply("node.cordon", clusterId, node, null, () -> operations.setUnschedulable(clusterId, node, true));
    }

    @PreAuthorize(ClusterService.OPERATE)
    public void uncordon(long clusterId, String node) {
        apply("node.uncordon", clusterId, node, null, () -> operations.setUnschedulable(clusterId, node, false));
    }

    /**
     * Sets and removes labels. With {@code resourceVersion} (the version the editor showed) the change applies only
     * if nobody changed the node since; otherwise it ends in {@link ConcurrentEditException}.
     */
    @PreAuthorize(ClusterService.OPERATE)
    public void editLabels(long clusterId, String node, @Nullable String resourceVersion, Map<String, String> set,
                           Set<String> remove) {
        if (set.isEmpty() && remove.isEmpty()) {
            return;
        }
        apply("node.labels", clusterId, node, describeLabels(set, remove),
                () -> operations.editLabels(clusterId, node, resourceVersion, set, remove));
    }

    /**
     * Replaces the node's taints, only if it is still at {@code resourceVersion} (the version the editor showed):
     * {@link ConcurrentEditException} otherwise.
     */
    @PreAuthorize(ClusterService.OPERATE)
    public void setTaints(long clusterId, String node, String resourceVersion, List<NodeView.Taint> taints) {
        apply("node.taints", clusterId, node, taints.stream().map(NodeView.Taint::toString)
                        .collect(Collectors.joining(", ", "[", "]")),
                () -> operations.setTaints(clusterId, node, resourceVersion, taints));
    }

    /**
     * The same operation on each node of a selection, one after the other; a refusal for one node does not stop
     * the others. {@code progress} hears each node's result as it comes. Each node gets its own audit entry.
     */
    @PreAuthorize(ClusterService.OPERATE)
    public BulkResult bulk(BulkOperation operation, Consumer<BulkResult.NodeResult> progress) {
        List<BulkOperation.NodeRef> nodes = operation.nodes() == null ? List.of() : operation.nodes();
        if (nodes.isEmpty()) {
            throw new PortalException("nodes.error.bulk-empty");
        }
        if (nodes.size() > BulkOperation.MAX_NODES) {
            throw new PortalException("nodes.error.bulk-too-many", BulkOperation.MAX_NODES);
        }
        if (nodes.stream().anyMatch(n -> n == null || n.node() == null || n.node().isBlank())) {
            throw new PortalException("nodes.error.bulk-node-missing");
        }
        Duration timeout = Duration.ofSeconds(operation.timeoutSeconds() == null ? 60 : operation.timeoutSeconds());
        switch (operation.kind()) {
            case DRAIN -> checkTimeout(timeout);
            case ADD_LABELS -> {
                if (operation.labels() == null || operation.labels().isEmpty()
                        || operation.labels().entrySet().stream().anyMatch(e -> e.getKey() == null
                        || e.getKey().isBlank() || e.getValue() == null)) {
                    throw new PortalException("nodes.error.labels-missing");
                }
            }
            case REMOVE_LABELS -> {
                if (operation.labelKeys() == null || operation.labelKeys().isEmpty()
                        || operation.labelKeys().stream().anyMatch(k -> k == null || k.isBlank())) {
                    throw new PortalException("nodes.error.labels-missing");
                }
            }
            case ADD_TAINT, REMOVE_TAINT -> {
                NodeView.Taint t = operation.taint();
                if (t == null || t.key() == null || t.key().isBlank() || t.effect() == null) {
                    throw new PortalException("nodes.error.taint-missing");
                }
            }
            default -> {
                // nothing more to check
            }
        }
        List<BulkResult.NodeResult> results = new ArrayList<>();
        for (BulkOperation.NodeRef ref : new LinkedHashSet<>(nodes)) {
            BulkResult.NodeResult result;
            try {
                result = BulkResult.NodeResult.ok(ref, bulkStep(operation, ref, timeout));
            } catch (PortalException e) {
                result = BulkResult.NodeResult.failed(ref, e);
            }
            results.add(result);
            progress.accept(result);
        }
        return new BulkResult(operation.kind(), List.copyOf(results));
    }

    private @Nullable DrainReport bulkStep(BulkOperation operation, BulkOperation.NodeRef ref, Duration timeout) {
        long cluster = ref.cluster();
        String node = ref.node();
        switch (operation.kind()) {
            case CORDON -> cordon(cluster, node);
            case UNCORDON -> uncordon(cluster, node);
            case DRAIN -> {
                return doDrain(cluster, node, timeout, step -> { });
            }
            case ADD_LABELS -> editLabels(cluster, node, null, operation.labels(), Set.of());
            case REMOVE_LABELS -> editLabels(cluster, node, null, Map.of(), Set.copyOf(operation.labelKeys()));
            case ADD_TAINT, REMOVE_TAINT -> {
                NodeView current = caches.node(cluster, node)
                        .orElseThrow(() -> new PortalException(PortalException.Kind.NOT_FOUND, "nodes.error.not-found", node));
                NodeView.Taint taint = operation.taint();
                List<NodeView.Taint> taints = new ArrayList<>(current.taints().stream()
                        .filter(t -> !(t.key().equals(taint.key()) && t.effect().equals(taint.effect()))).toList());
                if (operation.kind() == BulkOperation.Kind.ADD_TAINT) {
                    taints.add(taint);
                } else if (taints.size() == current.taints().size()) {
                    return null; // not there: nothing to remove
                }
                setTaints(cluster, node, current.resourceVersion(), taints);
            }
        }
        return null;
    }

    private void apply(String action, long clusterId, String node, @Nullable String detail, Runnable change) {
        String target = clusterId + "/" + node;
        try {
            change.run();
        } catch (PortalException e) {
            audit.failure(action, TARGET, target, AuditOutcome.FAILURE, e.messageKey());
            throw e;
        } catch (KubernetesClientException e) {
            AuditOutcome outcome = e.getCode() == 403 ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
            audit.failure(action, TARGET, target, outcome, "HTTP " + e.getCode());
            if (e.getCode() == 409) {
                throw new ConcurrentEditException("nodes.error.changed", node);
            }
            throw NodeOperations.refusal(e);
        }
        // The change is on the API server, not in our database: the audit entry is written on its own.
        transactions.executeWithoutResult(status -> audit.success(action, TARGET, target, detail));
    }

    private static String describeLabels(Map<String, String> set, Set<String> remove) {
        StringBuilder text = new StringBuilder();
        set.forEach((k, v) -> text.append(text.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        remove.forEach(k -> text.append(text.isEmpty() ? "" : ", ").append('-').append(k));
        return text.toString();
    }
}
