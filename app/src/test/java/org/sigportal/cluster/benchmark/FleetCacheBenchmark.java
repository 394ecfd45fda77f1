package org.sigportal.cluster.benchmark;

import org.junit.jupiter.api.Test;
import org.sigportal.cluster.FleetService;
import org.sigportal.cluster.NodeQuery;
import org.sigportal.cluster.NodeView;
import org.sigportal.cluster.internal.ClusterCaches;
import org.sigportal.support.H2Database;
import org.sigportal.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Not a test: run with {@code mvn -Pbenchmark verify -pl app} (after installing the other modules). Fills the
 * caches with 10,000 nodes in 20 clusters and prints the heap they take and the server time of the node grid's
 * first page, a sort, a filter and the fleet overview (median and p95 over repeated runs).
 */
@H2Database
class FleetCacheBenchmark {

    private static final int CLUSTERS = 20;
    private static final int NODES = 10_000;
    private static final int RUNS = 60;

    @Autowired
    ClusterCaches caches;
    @Autowired
    FleetService fleet;

    @Test
    void printTheFigures() {
        long before = usedHeap();
        Random random = new Random(42);
        String[] os = {"LifseaOS 2.0 (Rust)", "LifseaOS 1.8", "Anolis OS 8.8", "Anolis OS 8.6", "LifseaOS 2.1"};
        String[] kernels = {"5.10.134-16.al8.x86_64", "5.10.134-13.an8.x86_64", "5.10.134-16.al8.aarch64"};
        String[] runtimes = {"containerd://1.6.28", "containerd://1.7.13"};
        for (int c = 0; c < CLUSTERS; c++) {
            List<NodeView> nodes = new ArrayList<>();
            for (int i = 0; i < NODES / CLUSTERS; i++) {
                String name = "node-" + c + "-" + i;
                Map<String, String> labels = Map.of("topology.kubernetes.io/zone", "zone-" + random.nextInt(6),
                        "kubernetes.io/arch", random.nextBoolean() ? "amd64" : "arm64",
                        "node-role.kubernetes.io/worker", "", "kubernetes.io/hostname", name,
                        "pool", "pool-" + random.nextInt(12));
                nodes.add(new NodeView(10_000 + c, "cluster-" + c, name, List.of("worker"),
                        random.nextInt(50) == 0 ? NodeView.NodeStatus.NOT_READY : NodeView.NodeStatus.READY,
                        random.nextInt(80) == 0, os[random.nextInt(os.length)], kernels[random.nextInt(kernels.length)],
                        runtimes[random.nextInt(runtimes.length)], "v1.20.2", "32", "128Gi", "110",
                        Instant.now().minusSeconds(random.nextInt(10_000_000)), labels,
                        List.of(new NodeView.Taint("dedicated", "infra", "NoSchedule")),
                        List.of(new NodeView.Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
                                new NodeView.Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", null)),
                        List.of("InternalIP: 10." + c + "." + (i / 250) + "." + (i % 250))));
            }
            caches.putStatic(10_000 + c, "cluster-" + c, nodes);
        }
        long heap = usedHeap() - before;

        String[] rows = SignedIn.asAdmin(() -> new String[]{
                row("first 50 rows (name order)", () -> fleet.nodes(new NodeQuery(null, null, null, null, null,
                        NodeQuery.NodeSort.NAME, true, 0, 50)).nodes().size()),
                row("sort by OS image, descending", () -> fleet.nodes(new NodeQuery(null, null, null, null, null,
                        NodeQuery.NodeSort.OS_IMAGE, false, 0, 50)).nodes().size()),
                row("filter text + label selector", () -> fleet.nodes(new NodeQuery("lifseaos 1.8", null, null, null,
                        "topology.kubernetes.io/zone in (zone-1,zone-2),kubernetes.io/arch=arm64",
                        NodeQuery.NodeSort.NAME, true, 0, 50)).total()),
                row("fleet overview", () -> fleet.overview().nodes())});
        System.out.println();
        System.out.println("| measure (10,000 nodes, 20 clusters) | median ms | p95 ms |");
        System.out.println("|---|---|---|");
        for (String r : rows) {
            System.out.println(r);
        }
        System.out.printf("| heap used by the node caches | %.1f MiB | |%n", heap / 1024.0 / 1024.0);
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
