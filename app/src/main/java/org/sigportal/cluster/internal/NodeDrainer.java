package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import org.sigportal.base.PortalException;
import org.sigportal.cluster.DrainReport;
import org.sigportal.cluster.DrainStep;
import org.sigportal.cluster.PodView;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drains a node through the Eviction API (so PodDisruptionBudgets are respected), skipping DaemonSet and mirror
 * pods (the pods come from the cache), then waits up to a time-out for the evicted pods to go. The eviction is posted in the version the server
 * offers: {@code policy/v1} where served, else {@code policy/v1beta1} (Kubernetes before 1.22).
 */
@Component
public class NodeDrainer {

    private final ClusterCaches caches;
    private final NodeOperations operations;
    private final JooqClusterRepository clusters;

    NodeDrainer(ClusterCaches caches, NodeOperations operations, JooqClusterRepository clusters) {
        this.caches = caches;
        this.operations = operations;
        this.clusters = clusters;
    }

    public DrainReport drain(long clusterId, String nodeName, Duration timeout, Consumer<DrainStep> progress) {
        KubernetesClient client = caches.client(clusterId)
                .orElseThrow(() -> new PortalException(PortalException.Kind.UNAVAILABLE, "clusters.error.not-connected"));
        if (!caches.podsSynced(clusterId)) {
            throw new PortalException(PortalException.Kind.UNAVAILABLE, "nodes.error.pods-not-synced");
        }
        String policyVersion = clusters.find(clusterId).map(c -> c.apiVersions() != null
                && List.of(c.apiVersions().split(" ")).contains("policy/v1") ? "policy/v1" : "policy/v1beta1")
                .orElse("policy/v1");
        operations.setUnschedulable(clusterId, nodeName, true);
        progress.accept(new DrainStep(DrainStep.Kind.CORDONED, null, 0, 0, 0));
        List<PodView> pods = caches.podsOn(clusterId, nodeName).stream()
                .sorted(java.util.Comparator.comparing(PodView::key)).toList();
        List<DrainReport.PodIssue> skipped = new ArrayList<>();
        List<PodView> toEvict = new ArrayList<>();
        for (PodView pod : pods) {
            if (pod.mirror()) {
                skipped.add(new DrainReport.PodIssue(pod.key(), "mirror"));
            } else if ("DaemonSet".equals(pod.ownerKind())) {
                skipped.add(new DrainReport.PodIssue(pod.key(), "daemonset"));
            } else {
                toEvict.add(pod);
            }
        }
        int total = toEvict.size();
        progress.accept(new DrainStep(DrainStep.Kind.PLANNED, null, 0, total, 0));
        List<String> evicted = new ArrayList<>();
        List<DrainReport.PodIssue> refused = new ArrayList<>();
        // Pods a disruption budget holds back (429): asked again every few seconds until the time-out, as kubectl
        // drain does, because the budget may allow them once other pods are ready again.
        java.util.Map<String, DrainReport.PodIssue> blocked = new java.util.LinkedHashMap<>();
        java.util.Map<String, PodView> blockedPods = new java.util.HashMap<>();
        int[] done = {0};
        boolean lost = false;
        for (int i = 0; i < toEvict.size(); i++) {
            PodView pod = toEvict.get(i);
            try {
                attempt(client, policyVersion, pod, evicted, refused, blocked, blockedPods);
            } catch (PortalException unreachable) {
                // The API server went away mid-drain: the node stays cordoned, and the report says which pods
                // were not evicted and why, instead of the drain ending without one.
                String reason = "API server unreachable: " + unreachable.arguments()[0];
                for (PodView rest : toEvict.subList(i, toEvict.size())) {
                    refused.add(new DrainReport.PodIssue(rest.key(), reason));
                }
                done[0] = total;
                lost = true;
                progress.accept(new DrainStep(DrainStep.Kind.REFUSED, pod.key(), done[0], total, 0));
                break;
            }
            done[0]++;
            progress.accept(new DrainStep(stepOf(pod.key(), evicted, blocked, refused), pod.key(), done[0], total,
                    0));
        }
        // The pod cache hears of each deletion through its watch: no polling of the API server.
        List<String> remaining = new ArrayList<>(evicted);
        Instant deadline = lost ? Instant.now() : Instant.now().plus(timeout);
        Instant nextTry = Instant.now().plus(BUDGET_RETRY);
        while ((!remaining.isEmpty() || !blocked.isEmpty()) && Instant.now().isBefore(deadline)) {
            remaining.removeIf(id -> {
                String[] parts = id.split("/", 2);
                return !caches.hasPod(clusterId, parts[0], parts[1]);
            });
            if (!blocked.isEmpty() && !Instant.now().isBefore(nextTry)) {
                for (PodView pod : List.copyOf(blockedPods.values())) {
                    int before = evicted.size();
                    try {
                        attempt(client, policyVersion, pod, evicted, refused, blocked, blockedPods);
                    } catch (PortalException unreachable) {
                        break; // still held back; the report keeps the budget's reason
                    }
                    if (evicted.size() > before) {
                        remaining.add(pod.key());
                        progress.accept(new DrainStep(DrainStep.Kind.EVICTED, pod.key(), done[0], total, 0));
                    }
                }
                nextTry = Instant.now().plus(BUDGET_RETRY);
            }
            if (!remaining.isEmpty() || !blocked.isEmpty()) {
                progress.accept(new DrainStep(DrainStep.Kind.WAITING, null, done[0], total,
                        remaining.size() + blocked.size()));
                sleep();
            }
        }
        refused.addAll(blocked.values());
        progress.accept(new DrainStep(DrainStep.Kind.FINISHED, null, done[0], total, remaining.size()));
        List<String> gone = evicted.stream().filter(id -> !remaining.contains(id)).toList();
        return new DrainReport(nodeName, gone, List.copyOf(remaining), List.copyOf(refused), List.copyOf(skipped));
    }

    /** How often pods held back by a disruption budget are asked for again. */
    private static final java.time.Duration BUDGET_RETRY = java.time.Duration.ofSeconds(2);

    /**
     * One eviction request for {@code pod}: evicted, gone already, held back by a disruption budget (429, kept in
     * {@code blocked} to ask again), or refused for good.
     */
    private static void attempt(KubernetesClient client, String policyVersion, PodView pod, List<String> evicted,
                                List<DrainReport.PodIssue> refused, java.util.Map<String, DrainReport.PodIssue> blocked,
                                java.util.Map<String, PodView> blockedPods) {
        HttpResponse<String> answer = evict(client, policyVersion, pod.namespace(), pod.name());
        switch (answer.code()) {
            case 200, 201 -> {
                evicted.add(pod.key());
                blocked.remove(pod.key());
                blockedPods.remove(pod.key());
            }
            case 404 -> {
                blocked.remove(pod.key());
                blockedPods.remove(pod.key());
            }
            case 429 -> {
                blocked.put(pod.key(), new DrainReport.PodIssue(pod.key(),
                        message(answer.body(), "disruption budget")));
                blockedPods.put(pod.key(), pod);
            }
            default -> {
                blocked.remove(pod.key());
                blockedPods.remove(pod.key());
                refused.add(new DrainReport.PodIssue(pod.key(), "HTTP " + answer.code() + ": "
                        + message(answer.body(), "")));
            }
        }
    }

    private static DrainStep.Kind stepOf(String key, List<String> evicted,
                                         java.util.Map<String, DrainReport.PodIssue> blocked,
                                         List<DrainReport.PodIssue> refused) {
        if (evicted.contains(key)) {
            return DrainStep.Kind.EVICTED;
        }
        if (blocked.containsKey(key) || refused.stream().anyMatch(r -> r.pod().equals(key))) {
            return DrainStep.Kind.REFUSED;
        }
        return DrainStep.Kind.GONE;
    }

    private static HttpResponse<String> evict(KubernetesClient client, String version, String ns, String name) {
        String body = """
                {"apiVersion":"%s","kind":"Eviction","metadata":{"name":"%s","namespace":"%s"}}"""
                .formatted(version, name, ns);
        HttpClient http = client.getHttpClient();
        URI uri = KubernetesClients.apiUri(client, "api/v1/namespaces/" + ns + "/pods/" + name + "/eviction");
        try {
            return http.sendAsync(http.newHttpRequestBuilder().uri(uri)
                    .post("application/json", body).build(), String.class).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalException(PortalException.Kind.UNAVAILABLE, "clusters.error.unreachable", "interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            org.slf4j.LoggerFactory.getLogger(NodeDrainer.class).warn("Eviction of {}/{} failed", ns, name, e);
            throw new PortalException(PortalException.Kind.UNAVAILABLE, "clusters.error.unreachable", String.valueOf(e.getMessage()));
        }
    }

    private static String message(String json, String fallback) {
        if (json == null) {
            return fallback;
        }
        var m = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : fallback;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
