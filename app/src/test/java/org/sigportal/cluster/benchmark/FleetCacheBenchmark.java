package org.sigportal.cluster.benchmark;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.sigportal.cluster.FleetService;
import org.sigportal.cluster.NodeQuery;
import org.sigportal.cluster.internal.ClusterCaches;
import org.sigportal.support.H2Database;
import org.sigportal.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Not a test: run with {@code mvn -Pbenchmark verify -pl app} (after installing the other modules). Fills the
 * caches with 10,000 nodes and 150,000 pods in 20 clusters, as fabric8 objects trimmed by the same projections the
 * informers use, and prints the heap the caches take and the server time of the node grid's first page, a sort, a
 * filter, the fleet overview and a node's pods (median and p95 over repeated runs).
 */
@H2Database
class FleetCacheBenchmark {

    private static final int CLUSTERS = 20;
    private static final int NODES = 10_000;
    private static final int PODS = 150_000;
    private static final int RUNS = 60;

    @Autowired
    ClusterCaches caches;
    @Autowired
    FleetService fleet;

    @Test
    void printTheFigures() {
        long before = usedHeap();
        long fillStart = System.nanoTime();
        Random random = new Random(42);
        String[] os = {"LifseaOS 2.0 (Rust)", "LifseaOS 1.8", "Anolis OS 8.8", "Anolis OS 8.6", "LifseaOS 2.1"};
        String[] kernels = {"5.10.134-16.al8.x86_64", "5.10.134-13.an8.x86_64", "5.10.134-16.al8.aarch64"};
        String[] runtimes = {"containerd://1.6.28", "containerd://1.7.13"};
        String[] runtimeClasses = {null, null, null, "runc", "rund", "cc"};
        for (int c = 0; c < CLUSTERS; c++) {
            List<Node> nodes = new ArrayList<>();
            List<Pod> pods = new ArrayList<>();
            for (int i = 0; i < NODES / CLUSTERS; i++) {
                String name = "node-" + c + "-" + i;
                // Objects as an informer would receive them: each with its own strings, then trimmed by the cache.
                nodes.add(new NodeBuilder().withNewMetadata().withName(name).withUid(UUID.randomUUID().toString())
                        .withResourceVersion(String.valueOf(random.nextInt(1_000_000)))
                        .withCreationTimestamp(Instant.now().minusSeconds(random.nextInt(10_000_000)).toString())
                        .addToLabels("topology.kubernetes.io/zone", "zone-" + random.nextInt(6))
                        .addToLabels("kubernetes.io/arch", random.nextBoolean() ? "amd64" : "arm64")
                        .addToLabels("node-role.kubernetes.io/worker", "")
                        .addToLabels("kubernetes.io/hostname", name)
                        .addToLabels("pool", "pool-" + random.nextInt(12)).endMetadata()
                        .withNewSpec().withUnschedulable(random.nextInt(80) == 0)
                        .addNewTaint().withKey("dedicated").withValue("infra").withEffect("NoSchedule").endTaint()
                        .endSpec()
                        .withNewStatus()
                        .addNewCondition().withType("Ready").withStatus(random.nextInt(50) == 0 ? "False" : "True")
                        .withReason("KubeletReady").withMessage("kubelet is posting ready status").endCondition()
                        .addNewCondition().withType("MemoryPressure").withStatus("False")
                        .withReason("KubeletHasSufficientMemory").endCondition()
                        .addNewAddress().withType("InternalIP").withAddress("10." + c + "." + (i / 250) + "." + (i % 250))
                        .endAddress()
                        .withNewNodeInfo().withOsImage(os[random.nextInt(os.length)])
                        .withKernelVersion(kernels[random.nextInt(kernels.length)])
                        .withContainerRuntimeVersion(runtimes[random.nextInt(runtimes.length)])
                        .withKubeletVersion("v1.20.2").endNodeInfo()
                        .addToAllocatable("cpu", new Quantity("32")).addToAllocatable("memory", new Quantity("128Gi"))
                        .addToAllocatable("pods", new Quantity("110")).endStatus().build());
                for (int p = 0; p < PODS / NODES; p++) {
                    boolean daemon = p < 2;
                    String app = daemon ? (p == 0 ? "node-exporter" : "csi-node") : "app-" + random.nextInt(400);
                    String podName = app + "-" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
                    pods.add(new PodBuilder().withNewMetadata().withName(podName)
                            .withNamespace(daemon ? "kube-system" : "team-" + random.nextInt(40))
                            .withUid(UUID.randomUUID().toString())
                            .withCreationTimestamp(Instant.now().minusSeconds(random.nextInt(1_000_000)).toString())
                            .addNewOwnerReference().withKind(daemon ? "DaemonSet" : "ReplicaSet")
                            .withName(daemon ? app : app + "-7d9f8c").withController(true)
                            .withApiVersion("apps/v1").withUid(UUID.randomUUID().toString()).endOwnerReference()
                            .endMetadata()
                            .withNewSpec().withNodeName(name)
                            .withRuntimeClassName(daemon ? null : runtimeClasses[random.nextInt(runtimeClasses.length)])
                            .addNewContainer().withName(app).withImage("registry.openanolis.cn/" + app + ":1.0")
                            .endContainer().endSpec()
                            .withNewStatus().withPhase("Running").addNewContainerStatus().withName(app).withReady(true)
                            .withRestartCount(random.nextInt(3)).endContainerStatus().endStatus().build());
                }
            }
            caches.putStatic(10_000 + c, "cluster-" + c, nodes, pods);
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        long heap = usedHeap() - before;

        String[] rows = SignedIn.asAdmin(() -> new String[]{
                row("first 50 rows (name order)", () -> fleet.nodes(new NodeQuery(null, null, null, null, null,
                        NodeQuery.NodeSort.NAME, true, 0, 50)).nodes().size()),
                row("sort by OS image, descending", () -> fleet.nodes(new NodeQuery(null, null, null, null, null,
                        NodeQuery.NodeSort.OS_IMAGE, false, 0, 50)).nodes().size()),
                row("filter text + label selector", () -> fleet.nodes(new NodeQuery("lifseaos 1.8", null, null, null,
                        "topology.kubernetes.io/zone in (zone-1,zone-2),kubernetes.io/arch=arm64",
                        NodeQuery.NodeSort.NAME, true, 0, 50)).total()),
                row("fleet overview", () -> fleet.overview().nodes()),
                row("pods of one node (node detail)", () -> fleet.pods(10_007, "node-7-123").size())});
        System.out.println();
        System.out.println("| measure (10,000 nodes, 150,000 pods, 20 clusters) | median ms | p95 ms |");
        System.out.println("|---|---|---|");
        for (String r : rows) {
            System.out.println(r);
        }
        System.out.printf("| heap used by the caches (nodes and pods) | %.1f MiB | |%n", heap / 1024.0 / 1024.0);
        System.out.printf("| projecting 10,000 nodes and 150,000 pods into the caches | %.1f s | |%n", fillSeconds);
        System.out.printf("(pods in the caches: %d)%n", caches.podCount());
    }

    private static String row(String name, Supplier<Integer> work) {
        for (int i = 0; i < 10; i++) {
            work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("| %s | %.2f | %.2f |", name, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
