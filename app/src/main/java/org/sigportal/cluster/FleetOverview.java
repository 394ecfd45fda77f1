package org.sigportal.cluster;

import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance, the answer to OS-version fragmentation: nodes per OS image, kernel and container
 * runtime; how many are not ready or cordoned; which nodes drift from their cluster's target OS image.
 * {@code byOsImageAndCluster} splits each OS image's count by cluster name, in the order of {@code byOsImage}.
 */
public record FleetOverview(int clusters, int nodes, int notReady, int cordoned, Map<String, Integer> byOsImage,
                            Map<String, Integer> byKernel, Map<String, Integer> byContainerRuntime,
                            List<Drift> drift, Map<String, Map<String, Integer>> byOsImageAndCluster) {

    public record Drift(NodeView node, String targetOsImage) {
    }
}
