package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import org.sigportal.base.PortalException;
import org.sigportal.cluster.DrainReport;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drains a node through the Eviction API (so PodDisruptionBudgets are respected), skipping DaemonSet and mirror
 * pods, then waits up to a time-out for the evicted pods to go. The eviction is posted in the version the server
 * offers: {@code policy/v1} where served, else {@code policy/v1beta1} (Kubernetes before 1.22).
 */
@Component
public class NodeDrainer {

    private static final String MIRROR = "kubernetes.io/config.mirror";

    private final ClusterCaches caches;
    private final NodeOperations operations;
    private final JooqClusterRepository clusters;

    NodeDrainer(ClusterCaches caches, NodeOperations operations, JooqClusterRepository clusters) {
        this.caches = caches;
        this.operations = operations;
        this.clusters = clusters;
    }

    public DrainReport drain(long clusterId, String nodeName, Duration timeout, Consumer<String> progress) {
        KubernetesClient client = caches.client(clusterId)
                .orElseThrow(() -> new PortalException("clusters.error.not-connected"));
        String policyVersion = clusters.find(clusterId).map(c -> c.apiVersions() != null
                && List.of(c.apiVersions().split(" ")).contains("policy/v1") ? "policy/v1" : "policy/v1beta1")
                .orElse("policy/v1");
        operations.setUnschedulable(clusterId, nodeName, true);
        progress.accept("cordoned");
        List<Pod> pods = client.pods().inAnyNamespace().list(new ListOptionsBuilder()
                .withFieldSelector("spec.nodeName=" + nodeName).build()).getItems();
        List<String> evicted = new ArrayList<>();
        List<DrainReport.PodIssue> refused = new ArrayList<>();
        List<DrainReport.PodIssue> skipped = new ArrayList<>();
        for (Pod pod : pods) {
            String id = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            if (annotations != null && annotations.containsKey(MIRROR)) {
                skipped.add(new DrainReport.PodIssue(id, "mirror"));
                continue;
            }
            if (pod.getMetadata().getOwnerReferences() != null && pod.getMetadata().getOwnerReferences().stream()
                    .anyMatch(o -> "DaemonSet".equals(o.getKind()))) {
                skipped.add(new DrainReport.PodIssue(id, "daemonset"));
                continue;
            }
            HttpResponse<String> answer = evict(client, policyVersion, pod);
            switch (answer.code()) {
                case 200, 201 -> {
                    evicted.add(id);
                    progress.accept("evicted " + id);
                }
                case 404 -> progress.accept("gone " + id);
                case 429 -> {
                    refused.add(new DrainReport.PodIssue(id, message(answer.body(), "disruption budget")));
                    progress.accept("refused " + id);
                }
                default -> {
                    refused.add(new DrainReport.PodIssue(id, "HTTP " + answer.code() + ": "
                            + message(answer.body(), "")));
                    progress.accept("refused " + id);
                }
            }
        }
        List<String> remaining = new ArrayList<>(evicted);
        Instant deadline = Instant.now().plus(timeout);
        while (!remaining.isEmpty() && Instant.now().isBefore(deadline)) {
            remaining.removeIf(id -> {
                String[] parts = id.split("/", 2);
                return client.pods().inNamespace(parts[0]).withName(parts[1]).get() == null;
            });
            if (!remaining.isEmpty()) {
                sleep();
            }
        }
        List<String> gone = evicted.stream().filter(id -> !remaining.contains(id)).toList();
        return new DrainReport(nodeName, gone, List.copyOf(remaining), List.copyOf(refused), List.copyOf(skipped));
    }

    private static HttpResponse<String> evict(KubernetesClient client, String version, Pod pod) {
        String ns = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
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
            throw new PortalException("clusters.error.unreachable", "interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            org.slf4j.LoggerFactory.getLogger(NodeDrainer.class).warn("Eviction of {}/{} failed", ns, name, e);
            throw new PortalException("clusters.error.unreachable", String.valueOf(e.getMessage()));
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
