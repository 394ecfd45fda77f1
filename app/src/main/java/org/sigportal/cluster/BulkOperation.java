package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * One operation for a selection of nodes. Which fields count depends on the kind: {@code labels} for
 * {@link Kind#ADD_LABELS}, {@code labelKeys} for {@link Kind#REMOVE_LABELS}, {@code taint} for the taint kinds
 * (its value is ignored on removal) and {@code timeoutSeconds} for {@link Kind#DRAIN}.
 */
public record BulkOperation(Kind kind, List<NodeRef> nodes, @Nullable Map<String, String> labels,
                            @Nullable List<String> labelKeys, NodeView.@Nullable Taint taint,
                            @Nullable Long timeoutSeconds) {

    /** At most this many nodes in one bulk operation. */
    public static final int MAX_NODES = 500;

    public enum Kind { CORDON, UNCORDON, DRAIN, ADD_LABELS, REMOVE_LABELS, ADD_TAINT, REMOVE_TAINT }

    /** A node in the fleet. */
    public record NodeRef(long cluster, String node) {
    }

    public static BulkOperation of(Kind kind, List<NodeRef> nodes) {
        return new BulkOperation(kind, nodes, null, null, null, null);
    }
}
