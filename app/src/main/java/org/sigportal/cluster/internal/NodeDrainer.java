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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                .orElseThrow(() -> new PortalException(PortalException.Kind.UNAVAILABLE,
                        "clusters.error.not-connected"));
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
        // Pods a disruption budget holds back (429), with its reason: asked again every few seconds until the
        // time-out, as kubectl drain does, because the budget may allow them once other pods are ready again.
        Map<PodView, DrainReport.PodIssue> held = new LinkedHashMap<>();
        int done = 0;
        boolean lost = false;
        for (int i = 0; i < toEvict.size(); i++) {
            PodView pod = toEvict.get(i);
            DrainStep.Kind kind;
            try {
                kind = attempt(client, policyVersion, pod, evicted, refused, held);
            } catch (PortalException unreachable) {
                // The API server went away mid-drain: the node stays cordoned, and the report says which pods
                // were not evicted and why, instead of the drain ending without one.
                String reason = "API server unreachable: " + unreachable.arguments()[0];
                for (PodView rest : toEvict.subList(i, toEvict.size())) {
                    refused.add(new DrainReport.PodIssue(rest.key(), reason));
                }
                done = total;
                lost = true;
                progress.accept(new DrainStep(DrainStep.Kind.REFUSED, pod.key(), done, total, 0));
                break;
            }
            done++;
            progress.accept(new DrainStep(kind, pod.key(), done, total, 0));
        }
        // The pod cache hears of each deletion through its watch: no polling of the API server.
        List<String> remaining = new ArrayList<>(evicted);
        Instant deadline = lost ? Instant.now() : Instant.now().plus(timeout);
        Instant nextTry = Instant.now().plus(BUDGET_RETRY);
        while ((!remaining.isEmpty() || !held.isEmpty()) && Instant.now().isBefore(deadline)) {
            remaining.removeIf(id -> {
                String[] parts = id.split("/", 2);
                return !caches.hasPod(clusterId, parts[0], parts[1]);
            });
            if (!held.isEmpty() && !Instant.now().isBefore(nextTry)) {
                for (PodView pod : List.copyOf(held.keySet())) {
                    try {
                        if (attempt(client, policyVersion, pod, evicted, refused, held) == DrainStep.Kind.EVICTED) {
                            remaining.add(pod.key());
                            progress.accept(new DrainStep(DrainStep.Kind.EVICTED, pod.key(), done, total, 0));
                        }
                    } catch (PortalException unreachable) {
                        break; // still held back; the report keeps the budget's reason
                    }
                }
                nextTry = Instant.now().plus(BUDGET_RETRY);
            }
            if (!remaining.isEmpty() || !held.isEmpty()) {
                progress.accept(new DrainStep(DrainStep.Kind.WAITING, null, done, total,
                        remaining.size() + held.size()));
                sleep();
            }
        }
        refused.addAll(held.values());
        progress.accept(new DrainStep(DrainStep.Kind.FINISHED, null, done, total, remaining.size()));
        List<String> gone = evicted.stream().filter(id -> !remaining.contains(id)).toList();
        return new DrainReport(nodeName, gone, List.copyOf(remaining), List.copyOf(refused), List.copyOf(skipped));
    }

    /** How often pods held back by a disruption budget are asked for again. */
    private static final Duration BUDGET_RETRY = Duration.ofSeconds(2);

    /**
     * One eviction request for {@code pod}, and what came of it: evicted, gone already, or refused, either held
     * back by a disruption budget (429: kept in {@code held} to ask again) or for good (added to {@code refused}).
     */
    private static DrainStep.Kind attempt(KubernetesClient client, String policyVersion, PodView pod,
                                          List<String> evicted, List<DrainReport.PodIssue> refused,
                                          Map<PodView, DrainReport.PodIssue> held) {
        HttpResponse<String> answer = evict(client, policyVersion, pod.namespace(), pod.name());
        held.remove(pod);
        return switch (answer.code()) {
            case 200, 201 -> {
                evicted.add(pod.key());
                yield DrainStep.Kind.EVICTED;
            }
            case 404 -> DrainStep.Kind.GONE;
            case 429 -> {
                held.put(pod, new DrainReport.PodIssue(pod.key(), message(answer.body(), "disruption budget")));
                yield DrainStep.Kind.REFUSED;
            }
            default -> {
                refused.add(new DrainReport.PodIssue(pod.key(), "HTTP " + answer.code() + ": "
                        + message(answer.body(), "")));
                yield DrainStep.Kind.REFUSED;
            }
        };
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
            throw new PortalException(PortalException.Kind.UNAVAILABLE, "clusters.error.unreachable",
                    String.valueOf(e.getMessage()));
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
