package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** What a bulk operation did, node by node, in the order of the selection. */
public record BulkResult(BulkOperation.Kind kind, List<NodeResult> results) {

    /**
     * One node's outcome. A failure carries a message key and its arguments (the view or API renders them in the
     * reader's language); a drain carries its report.
     */
    public record NodeResult(long cluster, String node, boolean succeeded, @Nullable String errorKey,
                             List<Object> errorArguments, @Nullable DrainReport drain) {

        static NodeResult ok(BulkOperation.NodeRef ref, @Nullable DrainReport drain) {
            return new NodeResult(ref.cluster(), ref.node(), drain == null || drain.complete(),
                    drain == null || drain.complete() ? null : "nodes.drain-incomplete", List.of(), drain);
        }

        static NodeResult failed(BulkOperation.NodeRef ref, org.sigportal.base.PortalException e) {
            return new NodeResult(ref.cluster(), ref.node(), false, e.messageKey(), List.of(e.arguments()), null);
        }
    }

    public long succeeded() {
        return results.stream().filter(NodeResult::succeeded).count();
    }

    public long failed() {
        return results.size() - succeeded();
    }
}
