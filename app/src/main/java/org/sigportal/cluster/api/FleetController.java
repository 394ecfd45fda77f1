package org.sigportal.cluster.api;

import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.ClusterSummary;
import org.sigportal.cluster.FleetOverview;
import org.sigportal.cluster.FleetService;
import org.sigportal.cluster.NodeOperationsService;
import org.sigportal.cluster.NodePage;
import org.sigportal.cluster.NodeQuery;
import org.sigportal.cluster.NodeView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The fleet over REST: thin over the same services, permission checks and audit entries as the views. */
@RestController
@RequestMapping("/api/v1")
class FleetController {

    private final ClusterService clusters;
    private final FleetService fleet;
    private final NodeOperationsService operations;

    FleetController(ClusterService clusters, FleetService fleet, NodeOperationsService operations) {
        this.clusters = clusters;
        this.fleet = fleet;
        this.operations = operations;
    }

    @GetMapping("/clusters")
    List<ClusterSummary> clusters() {
        return clusters.list();
    }

    @GetMapping("/nodes")
    NodePage nodes(@RequestParam(required = false) String q, @RequestParam(required = false) Long cluster,
                   @RequestParam(required = false) NodeView.NodeStatus status,
                   @RequestParam(required = false) String osImage,
                   @RequestParam(required = false) String labelSelector,
                   @RequestParam(defaultValue = "NAME") NodeQuery.NodeSort sort,
                   @RequestParam(defaultValue = "true") boolean ascending,
                   @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        return fleet.nodes(new NodeQuery(q, cluster, status, osImage, labelSelector, sort, ascending,
                Math.max(0, offset), Math.clamp(limit, 1, 500)));
    }

    @GetMapping("/clusters/{cluster}/nodes/{node}")
    ResponseEntity<NodeView> node(@PathVariable long cluster, @PathVariable String node) {
        return ResponseEntity.of(fleet.node(cluster, node));
    }

    @GetMapping("/fleet/overview")
    FleetOverview overview() {
        return fleet.overview();
    }

    record Target(String osImage) {
    }

    /** The fleet-wide target OS image ({@code ""} clears it). */
    @org.springframework.web.bind.annotation.PutMapping("/fleet/target-os-image")
    ResponseEntity<Void> fleetTarget(@org.springframework.web.bind.annotation.RequestBody Target target) {
        clusters.setFleetTargetOsImage(target.osImage());
        return ResponseEntity.noContent().build();
    }

    /** A cluster's own target OS image; {@code version} is the cluster's version as last read (optimistic lock). */
    @org.springframework.web.bind.annotation.PutMapping("/clusters/{cluster}/target-os-image")
    ResponseEntity<Void> clusterTarget(@PathVariable long cluster, @RequestParam int version,
                                       @org.springframework.web.bind.annotation.RequestBody Target target) {
        clusters.setTargetOsImage(cluster, version, target.osImage());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/clusters/{cluster}/nodes/{node}/cordon")
    ResponseEntity<Void> cordon(@PathVariable long cluster, @PathVariable String node) {
        operations.cordon(cluster, node);
        return ResponseEntity.noContent().build();
    }

    /** Drains a node and answers with the report; {@code timeoutSeconds} bounds the wait for evicted pods. */
    @PostMapping("/clusters/{cluster}/nodes/{node}/drain")
    org.sigportal.cluster.DrainReport drain(@PathVariable long cluster, @PathVariable String node,
                                           @RequestParam(defaultValue = "60") long timeoutSeconds) {
        return operations.drain(cluster, node, java.time.Duration.ofSeconds(timeoutSeconds), step -> { });
    }

    @PostMapping("/clusters/{cluster}/nodes/{node}/uncordon")
    ResponseEntity<Void> uncordon(@PathVariable long cluster, @PathVariable String node) {
        operations.uncordon(cluster, node);
        return ResponseEntity.noContent().build();
    }
}
