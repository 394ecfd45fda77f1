package org.sigportal.cluster.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.sigportal.base.PortalException;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.sigportal.cluster.BulkOperation;
import org.sigportal.cluster.BulkResult;
import org.sigportal.cluster.ClusterRegistration;
import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.DrainReport;
import org.sigportal.cluster.NodeEvent;
import org.sigportal.cluster.PodView;
import org.sigportal.cluster.ClusterSummary;
import org.sigportal.cluster.FleetOverview;
import org.sigportal.cluster.FleetService;
import org.sigportal.cluster.NodeOperationsService;
import org.sigportal.cluster.NodePage;
import org.sigportal.cluster.NodeQuery;
import org.sigportal.cluster.NodeView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The fleet over REST: thin over the same services, permission checks and audit entries as the views. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Fleet", description = "Clusters, nodes, the fleet overview and node operations")
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

    /**
     * A cluster to register: a kubeconfig (with the context to use; the file's current context if none), an API
     * server URL with a bearer token and CA, or {@code inCluster} for the cluster the portal runs in.
     */
    record NewCluster(String name, @Nullable String kubeconfig, @Nullable String context,
                      @Nullable String apiServerUrl, @Nullable String token, @Nullable String caCertificatePem,
                      @Nullable Boolean skipTlsVerify, @Nullable Boolean inCluster) {
        @Override
        public String toString() {
            String source = Boolean.TRUE.equals(inCluster) ? "in-cluster"
                    : kubeconfig != null ? "kubeconfig" : String.valueOf(apiServerUrl);
            return "NewCluster[" + name + ", " + source + "]";
        }

        ClusterRegistration registration() {
            if (Boolean.TRUE.equals(inCluster)) {
                return new ClusterRegistration.InCluster(name);
            }
            if (kubeconfig != null && !kubeconfig.isBlank()) {
                return new ClusterRegistration.FromKubeconfig(name, kubeconfig, context == null ? "" : context);
            }
            return new ClusterRegistration.FromToken(name, apiServerUrl, token, caCertificatePem,
                    Boolean.TRUE.equals(skipTlsVerify));
        }
    }

    @Operation(summary = "Register a cluster",
            description = "Validated live first (reachable, authenticated, discovery, Kubernetes version); 422 with "
                    + "the reason if the cluster refuses. A kubeconfig that runs commands or reads local files is "
                    + "refused (400). Credentials are stored encrypted and never returned.")
    @PostMapping("/clusters")
    ResponseEntity<ClusterSummary> register(@RequestBody NewCluster cluster) {
        ClusterRegistration registration = cluster.registration();
        if (registration instanceof ClusterRegistration.FromKubeconfig k && k.context().isEmpty()) {
            registration = new ClusterRegistration.FromKubeconfig(k.name(), k.kubeconfig(),
                    clusters.contextsOf(k.kubeconfig()).getFirst());
        }
        ClusterSummary created = clusters.register(registration);
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + created.id())).body(created);
    }

    @GetMapping("/clusters/{cluster}")
    ClusterSummary cluster(@PathVariable long cluster) {
        return clusters.get(cluster);
    }

    record Enabled(boolean enabled) {
    }

    @Operation(summary = "Enable or disable a cluster",
            description = "A disabled cluster keeps its registration but the portal closes its connection and cache. "
                    + "409 if the cluster changed since 'version'.")
    @PutMapping("/clusters/{cluster}/enabled")
    ResponseEntity<Void> enable(@PathVariable long cluster, @RequestParam int version, @RequestBody Enabled enabled) {
        clusters.setEnabled(cluster, version, enabled.enabled());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Remove a cluster", description = "409 if the cluster changed since 'version'.")
    @DeleteMapping("/clusters/{cluster}")
    ResponseEntity<Void> remove(@PathVariable long cluster, @RequestParam int version) {
        clusters.remove(cluster, version);
        return ResponseEntity.noContent().build();
    }

    /** New name and credentials (a URL with a bearer token and CA) for a cluster at {@code version}. */
    record ClusterEdit(String name, String apiServerUrl, String token, @Nullable String caCertificatePem,
                       @Nullable Boolean skipTlsVerify) {
        @Override
        public String toString() {
            return "ClusterEdit[" + name + ", " + apiServerUrl + "]";
        }
    }

    @Operation(summary = "Rename a cluster and replace its credentials",
            description = "The credentials are validated against the API server first; 409 if the cluster changed "
                    + "since 'version'.")
    @PutMapping("/clusters/{cluster}")
    ClusterSummary editCluster(@PathVariable long cluster, @RequestParam int version, @RequestBody ClusterEdit edit) {
        return clusters.edit(cluster, version, new ClusterRegistration.FromToken(edit.name(),
                edit.apiServerUrl(), edit.token(), edit.caCertificatePem(), Boolean.TRUE.equals(edit.skipTlsVerify())));
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
    FleetOverview overview(@RequestParam(required = false) Long cluster) {
        return fleet.overview(cluster);
    }

    record Target(String osImage) {
    }

    /** The fleet-wide target OS image ({@code ""} clears it). */
    @PutMapping("/fleet/target-os-image")
    ResponseEntity<Void> fleetTarget(@RequestBody Target target) {
        clusters.setFleetTargetOsImage(target.osImage());
        return ResponseEntity.noContent().build();
    }

    /** A cluster's own target OS image; {@code version} is the cluster's version as last read (optimistic lock). */
    @PutMapping("/clusters/{cluster}/target-os-image")
    ResponseEntity<Void> clusterTarget(@PathVariable long cluster, @RequestParam int version,
                                       @RequestBody Target target) {
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
    DrainReport drain(@PathVariable long cluster, @PathVariable String node,
                                           @RequestParam(defaultValue = "60") long timeoutSeconds) {
        return operations.drain(cluster, node, java.time.Duration.ofSeconds(timeoutSeconds), step -> { });
    }

    @PostMapping("/clusters/{cluster}/nodes/{node}/uncordon")
    ResponseEntity<Void> uncordon(@PathVariable long cluster, @PathVariable String node) {
        operations.uncordon(cluster, node);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The pods on a node, from the portal's cache")
    @GetMapping("/clusters/{cluster}/nodes/{node}/pods")
    List<PodView> pods(@PathVariable long cluster, @PathVariable String node) {
        return fleet.pods(cluster, node);
    }

    @Operation(summary = "The node's recent events, newest first")
    @GetMapping("/clusters/{cluster}/nodes/{node}/events")
    List<NodeEvent> events(@PathVariable long cluster, @PathVariable String node) {
        return fleet.events(cluster, node);
    }

    /**
     * Label changes: {@code set} adds or changes, {@code remove} deletes keys. With {@code resourceVersion} (as read
     * from the node) the change applies only to that version and a concurrent change answers 409.
     */
    record LabelChange(@Nullable Map<String, String> set, @Nullable List<String> remove,
                       @Nullable String resourceVersion) {
    }

    @Operation(summary = "Set and remove node labels",
            description = "A JSON merge patch on the node. With resourceVersion the change is conditional: 409 if "
                    + "the node changed since. The API server's own refusals come back as 403, 409 or 422.")
    @PatchMapping("/clusters/{cluster}/nodes/{node}/labels")
    ResponseEntity<Void> labels(@PathVariable long cluster, @PathVariable String node,
                                @RequestBody LabelChange change) {
        operations.editLabels(cluster, node, change.resourceVersion(),
                change.set() == null ? Map.of() : change.set(),
                change.remove() == null ? Set.of() : Set.copyOf(change.remove()));
        return ResponseEntity.noContent().build();
    }

    /** The node's complete list of taints, replacing the current one at {@code resourceVersion}. */
    record TaintList(String resourceVersion, List<NodeView.Taint> taints) {
    }

    @Operation(summary = "Replace node taints",
            description = "Conditional on resourceVersion (from the node as read): 409 if the node changed since.")
    @PutMapping("/clusters/{cluster}/nodes/{node}/taints")
    ResponseEntity<Void> taints(@PathVariable long cluster, @PathVariable String node,
                                @RequestBody TaintList taints) {
        if (taints.resourceVersion() == null || taints.resourceVersion().isBlank()) {
            throw new PortalException("nodes.error.resource-version-required");
        }
        operations.setTaints(cluster, node, taints.resourceVersion(),
                taints.taints() == null ? List.of() : taints.taints());
        return ResponseEntity.noContent().build();
    }

    /** A bulk result with each failure's message in the caller's language. */
    record BulkAnswer(BulkOperation.Kind kind, long succeeded, long failed, List<NodeAnswer> results) {
    }

    record NodeAnswer(long cluster, String node, boolean succeeded, @Nullable String error,
                      @Nullable DrainReport drain) {
    }

    @Operation(summary = "One operation on many nodes, with a result per node",
            description = "Kinds: CORDON, UNCORDON, DRAIN (timeoutSeconds), ADD_LABELS (labels), REMOVE_LABELS "
                    + "(labelKeys), ADD_TAINT and REMOVE_TAINT (taint). Nodes are done one after the other; a "
                    + "refusal for one node does not stop the others. At most 500 nodes.")
    @PostMapping("/nodes/bulk")
    BulkAnswer bulk(@RequestBody BulkOperation operation, HttpServletRequest request) {
        if (operation.kind() == null) {
            throw new PortalException("nodes.error.bulk-kind");
        }
        BulkResult result = operations.bulk(operation, r -> { });
        Locale locale = request.getLocale();
        return new BulkAnswer(result.kind(), result.succeeded(), result.failed(), result.results().stream()
                .map(r -> new NodeAnswer(r.cluster(), r.node(), r.succeeded(), r.errorKey() == null ? null
                        : PortalI18NProvider.translate(r.errorKey(), locale, r.errorArguments().toArray()),
                        r.drain())).toList());
    }
}
