package org.sigportal.cluster;

import org.sigportal.base.PortalException;
import org.sigportal.cluster.internal.ClusterCaches;
import org.sigportal.cluster.internal.JooqClusterRepository;
import org.sigportal.cluster.internal.LabelSelectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads about the fleet, from the informer caches only (never from an API server): the node grid's pages and
 * the fleet overview with OS-version drift.
 */
@Service
public class FleetService {

    private final ClusterCaches caches;
    private final JooqClusterRepository clusters;

    FleetService(ClusterCaches caches, JooqClusterRepository clusters) {
        this.caches = caches;
        this.clusters = clusters;
    }

    /** How many nodes match, without sorting them (the grid asks for the count separately from the page). */
    @PreAuthorize(ClusterService.READ)
    public int count(NodeQuery query) {
        Predicate<NodeView> filter = filter(query);
        return (int) caches.nodes().stream().filter(filter).count();
    }

    @PreAuthorize(ClusterService.READ)
    public NodePage nodes(NodeQuery query) {
        Predicate<NodeView> filter = filter(query);
        List<NodeView> matching = caches.nodes().stream().filter(filter).sorted(comparator(query)).toList();
        int from = Math.min(query.offset(), matching.size());
        int to = (int) Math.min((long) from + query.limit(), matching.size());
        List<NodeView> page = matching.subList(from, to);
        // Only the page's nodes are counted, each from the cache's index of pods by node: no scan of all pods.
        Map<String, Integer> pods = new HashMap<>();
        Map<Long, Boolean> known = new HashMap<>();
        for (NodeView n : page) {
            if (known.computeIfAbsent(n.clusterId(), caches::podsSynced)) {
                pods.put(n.key(), caches.podsOn(n.clusterId(), n.name()).size());
            }
        }
        return new NodePage(List.copyOf(page), matching.size(), Map.copyOf(pods));
    }

    /** The OS images the fleet's nodes run, sorted: what the node grid's OS-image filter offers. */
    @PreAuthorize(ClusterService.READ)
    public List<String> osImages() {
        return caches.nodes().stream().map(NodeView::osImage).filter(s -> !s.isEmpty()).distinct().sorted()
                .toList();
    }

    /** Hears about node and health changes (at most once a second); the returned action unsubscribes. */
    public Runnable onChange(Runnable listener) {
        return caches.addListener(listener);
    }

    @PreAuthorize(ClusterService.READ)
    public Optional<NodeView> node(long clusterId, String name) {
        return caches.node(clusterId, name);
    }

    /** The pods on a node (from the cache), by namespace and name; empty until the cluster's pods are known. */
    @PreAuthorize(ClusterService.READ)
    public List<PodView> pods(long clusterId, String node) {
        return caches.podsOn(clusterId, node).stream()
                .sorted(Comparator.comparing(PodView::namespace).thenComparing(PodView::name)).toList();
    }

    /** Whether the cluster's pods have been listed yet (a fresh or a degraded connection may not have). */
    @PreAuthorize(ClusterService.READ)
    public boolean podsKnown(long clusterId) {
        return caches.podsSynced(clusterId);
    }

    /** The node's most recent events, newest first (the API server keeps events for about an hour). */
    @PreAuthorize(ClusterService.READ)
    public List<NodeEvent> events(long clusterId, String node) {
        return caches.events(clusterId, node).stream()
                .sorted(Comparator.comparing(NodeEvent::lastSeen, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(50).toList();
    }

    @PreAuthorize(ClusterService.READ)
    public FleetOverview overview() {
        return overview(null);
    }

    /** The overview of one cluster, or of the whole fleet when {@code clusterId} is null. */
    @PreAuthorize(ClusterService.READ)
    public FleetOverview overview(@org.jspecify.annotations.Nullable Long clusterId) {
        var stored = clusters.all().stream().filter(c -> clusterId == null || c.id() == clusterId).toList();
        Map<Long, String> targets = new HashMap<>();
        String fleetTarget = clusters.fleetTarget().orElse(null);
        stored.forEach(c -> {
            String target = c.targetOsImage() != null ? c.targetOsImage() : fleetTarget;
            if (target != null) {
                targets.put(c.id(), target);
            }
        });
        var nodes = clusterId == null ? caches.nodes()
                : caches.nodes().stream().filter(n -> n.clusterId() == clusterId).toList();
        int notReady = 0;
        int cordoned = 0;
        Map<String, Integer> os = new HashMap<>();
        Map<String, Map<String, Integer>> osByCluster = new HashMap<>();
        Map<String, Integer> kernel = new HashMap<>();
        Map<String, Integer> runtime = new HashMap<>();
        List<FleetOverview.Drift> drift = new java.util.ArrayList<>();
        for (NodeView n : nodes) {
            if (n.status() != NodeView.NodeStatus.READY) {
                notReady++;
            }
            if (n.unschedulable()) {
                cordoned++;
            }
            os.merge(n.osImage(), 1, Integer::sum);
            osByCluster.computeIfAbsent(n.osImage(), k -> new java.util.TreeMap<>()).merge(n.clusterName(), 1,
                    Integer::sum);
            kernel.merge(n.kernelVersion(), 1, Integer::sum);
            runtime.merge(n.containerRuntime(), 1, Integer::sum);
            String target = targets.get(n.clusterId());
            if (target != null && !target.equals(n.osImage())) {
                drift.add(new FleetOverview.Drift(n, target));
            }
        }
        drift.sort(Comparator.comparing((FleetOverview.Drift d) -> d.node().clusterName())
                .thenComparing(d -> d.node().name()));
        Map<String, Integer> byOs = sortedByCount(os);
        Map<String, Map<String, Integer>> byOsAndCluster = new LinkedHashMap<>();
        byOs.keySet().forEach(image -> byOsAndCluster.put(image, java.util.Collections.unmodifiableMap(
                osByCluster.get(image))));
        return new FleetOverview((int) stored.stream().filter(c -> c.enabled()).count(), nodes.size(), notReady,
                cordoned, byOs, sortedByCount(kernel), sortedByCount(runtime), List.copyOf(drift),
                java.util.Collections.unmodifiableMap(byOsAndCluster));
    }

    private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static Predicate<NodeView> filter(NodeQuery q) {
        Predicate<NodeView> p = n -> true;
        if (q.clusterId() != null) {
            long id = q.clusterId();
            p = p.and(n -> n.clusterId() == id);
        }
        if (q.status() != null) {
            p = p.and(n -> n.status() == q.status());
        }
        if (q.osImage() != null && !q.osImage().isBlank()) {
            p = p.and(n -> n.osImage().equals(q.osImage()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            String t = q.text().trim().toLowerCase(Locale.ROOT);
            p = p.and(n -> n.name().toLowerCase(Locale.ROOT).contains(t)
                    || n.clusterName().toLowerCase(Locale.ROOT).contains(t)
                    || n.osImage().toLowerCase(Locale.ROOT).contains(t)
                    || n.kernelVersion().toLowerCase(Locale.ROOT).contains(t)
                    || n.containerRuntime().toLowerCase(Locale.ROOT).contains(t));
        }
        if (q.labelSelector() != null && !q.labelSelector().isBlank()) {
            Predicate<Map<String, String>> selector;
            try {
                selector = LabelSelectors.parse(q.labelSelector());
            } catch (IllegalArgumentException e) {
                throw new PortalException("nodes.error.selector", q.labelSelector());
            }
            p = p.and(n -> selector.test(n.labels()));
        }
        return p;
    }

    private static Comparator<NodeView> comparator(NodeQuery q) {
        Comparator<NodeView> c = switch (q.sort()) {
            case NAME -> Comparator.comparing(NodeView::name);
            case CLUSTER -> Comparator.comparing(NodeView::clusterName);
            case STATUS -> Comparator.comparing(NodeView::status);
            case OS_IMAGE -> Comparator.comparing(NodeView::osImage);
            case KERNEL -> Comparator.comparing(NodeView::kernelVersion);
            case RUNTIME -> Comparator.comparing(NodeView::containerRuntime);
            case KUBELET -> Comparator.comparing(NodeView::kubeletVersion);
            case AGE -> Comparator.comparing((NodeView n) -> n.createdAt() == null ? Instant.EPOCH : n.createdAt())
                    .reversed();
        };
        c = c.thenComparing(NodeView::clusterName).thenComparing(NodeView::name);
        return q.ascending() ? c : c.reversed();
    }
}
