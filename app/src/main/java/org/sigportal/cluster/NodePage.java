package org.sigportal.cluster;

import java.util.List;

/** One page of nodes and how many match in all. */
public record NodePage(List<NodeView> nodes, int total) {
}
