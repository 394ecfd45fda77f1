package org.sigportal.cluster;

import java.util.List;
import java.util.Map;

/**
 * One page of nodes and how many match in all. {@code podsOnNode} counts the pods on each node of the page (from
 * the pod cache's index by node, keyed by {@link NodeView#key()}); a node whose cluster's pods are not known yet
 * has no entry.
 */
public record NodePage(List<NodeView> nodes, int total, Map<String, Integer> podsOnNode) {
}
