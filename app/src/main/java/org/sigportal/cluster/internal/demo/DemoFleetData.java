package org.sigportal.cluster.internal.demo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClassBuilder;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The demo fleet: three clusters of container-optimised nodes as a SIG would see them, generated the same way on
 * every start (fixed seeds; ages relative to now). A production region on LifseaOS mid-upgrade (several OS images,
 * kernels, containerd and kubelet versions, so the overview shows drift), a staging region ahead of it with its own
 * control plane, and an edge cluster of factory gateways on older Anolis OS. Nodes carry the labels, taints and
 * conditions real ones do (some not ready, some cordoned, some under disk or memory pressure); pods run on them
 * (DaemonSet pods on every node, static pods where there is a control plane or an edge hub, workloads owned by
 * ReplicaSets, some in runc, RunD, Kata or confidential-container sandboxes); node events tell what happened.
 */
public final class DemoFleetData {

    /** A cluster of the demo fleet: its name, Kubernetes version, target OS image and objects. */
    public record DemoCluster(String name, String kubernetesVersion, String targetOsImage, List<HasMetadata> objects) {
    }

    /** An OS image as the kubelet reports it, with the kernel and container runtime it ships. */
    private record Os(String image, String kernel, String containerd) {
    }

    private static final Os LIFSEA_2_2 = new Os("LifseaOS 2.2", "5.10.134-19.al8", "containerd://1.7.25");
    private static final Os LIFSEA_2_1 = new Os("LifseaOS 2.1", "5.10.134-18.al8", "containerd://1.7.22");
    private static final Os LIFSEA_2_0 = new Os("LifseaOS 2.0", "5.10.134-16.al8", "containerd://1.7.13");
    private static final Os LIFSEA_1_8 = new Os("LifseaOS 1.8", "5.10.134-13.1.al8", "containerd://1.6.28");
    private static final Os ANOLIS_23 = new Os("Anolis OS 23.1", "6.6.25-4.an23", "containerd://1.7.22");
    private static final Os ANOLIS_8_9 = new Os("Anolis OS 8.9", "5.10.134-16.3.an8", "containerd://1.6.36");
    private static final Os ANOLIS_8_8 = new Os("Anolis OS 8.8", "5.10.134-13.an8", "containerd://1.6.28");

    /** A machine: instance type (empty for edge hardware), architecture, size, pod capacity, GPU model. */
    private record Shape(String type, String arch, int cpu, int memoryGi, int pods, @Nullable String gpu) {
        Shape(String type, String arch, int cpu, int memoryGi, int pods) {
            this(type, arch, cpu, memoryGi, pods, null);
        }
    }

    private static final Shape G7_2XL = new Shape("ecs.g7.2xlarge", "amd64", 8, 32, 64);
    private static final Shape G7_4XL = new Shape("ecs.g7.4xlarge", "amd64", 16, 64, 110);
    private static final Shape G7_8XL = new Shape("ecs.g7.8xlarge", "amd64", 32, 128, 110);
    private static final Shape C7_2XL = new Shape("ecs.c7.2xlarge", "amd64", 8, 16, 64);
    private static final Shape G8Y_4XL = new Shape("ecs.g8y.4xlarge", "arm64", 16, 64, 110);
    private static final Shape G8I_4XL = new Shape("ecs.g8i.4xlarge", "amd64", 16, 64, 110);
    private static final Shape EBMG7 = new Shape("ecs.ebmg7.32xlarge", "amd64", 128, 512, 256);
    private static final Shape GN7I = new Shape("ecs.gn7i-c16g1.4xlarge", "amd64", 16, 60, 110, "NVIDIA-A10");
    private static final Shape IPC_ARM = new Shape("", "arm64", 8, 16, 110);
    private static final Shape IPC_X86 = new Shape("", "amd64", 8, 32, 110);

    /** A node pool: size, machines, OS images with weights, roles, labels and taints every node of it has. */
    private record Pool(String name, int count, List<Shape> shapes, List<Os> os, int[] weights, List<String> roles,
                        Map<String, String> labels, List<Taint> taints, boolean edge) {
    }

    /** A Deployment's pods: where (pool), in which sandbox (runtime class), how many. */
    private record Workload(String namespace, String name, String image, int replicas, String pool,
                            @Nullable String runtimeClass, String cpu, String memory, boolean gpu) {
    }

    /** A DaemonSet on every node of a cluster. */
    private record Daemon(String namespace, String name, String image, boolean hostNetwork, String cpu, String memory) {
    }

    private record Plan(String name, long seed, String region, List<String> zones, int ipBase,
                        String kubernetesVersion, String laggingKubelet, List<Os> lagging, String target,
                        List<Pool> pools, List<Daemon> daemons, List<Workload> workloads, List<String> runtimeClasses,
                        boolean staticControlPlane, int notReady, int unknown, int cordoned, int diskPressure,
                        int memoryPressure, boolean flannel) {
    }

    private static final String ACK = "registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/";
    private static final String ANOLIS = "registry.openanolis.cn/openanolis/";
    private static final String ROLE = "node-role.kubernetes.io/";
    private static final String RUNTIME = "runtime.sig-portal.io/";
    private static final String SUFFIX = "bcdfghjklmnpqrstvwxz2456789";

    private DemoFleetData() {
    }

    public static List<DemoCluster> generate(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        return List.of(new Generator(production(), at).build(), new Generator(staging(), at).build(),
                new Generator(edge(), at).build());
    }

    private static Taint taint(String key, @Nullable String value, String effect) {
        return new TaintBuilder().withKey(key).withValue(value).withEffect(effect).build();
    }

    private static Map<String, String> labels(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static Plan production() {
        List<Pool> pools = List.of(
                new Pool("general", 96, List.of(G7_4XL, G7_4XL, G7_8XL),
                        List.of(LIFSEA_2_1, LIFSEA_2_0, LIFSEA_1_8, ANOLIS_8_9), new int[] {50, 30, 10, 10},
                        List.of("worker"), Map.of(), List.of(), false),
                new Pool("arm", 24, List.of(G8Y_4XL), List.of(LIFSEA_2_1, LIFSEA_2_0), new int[] {60, 40},
                        List.of("worker"), Map.of(), List.of(), false),
                new Pool("sandbox", 12, List.of(EBMG7), List.of(LIFSEA_2_1, LIFSEA_2_0), new int[] {50, 50},
                        List.of("worker"), labels(RUNTIME + "rund", "true"), List.of(), false),
                new Pool("confidential", 6, List.of(G8I_4XL), List.of(ANOLIS_23), new int[] {100},
                        List.of("worker"), labels(RUNTIME + "cc", "true",
                        "feature.node.kubernetes.io/cpu-security.tdx.enabled", "true"),
                        List.of(taint("dedicated", "confidential", "NoSchedule")), false),
                new Pool("gpu", 8, List.of(GN7I), List.of(ANOLIS_8_8), new int[] {100}, List.of("worker"),
                        labels("aliyun.accelerator/nvidia_name", "NVIDIA-A10", "aliyun.accelerator/nvidia_count", "1",
                                "aliyun.accelerator/nvidia_mem", "24576MiB"),
                        List.of(taint("nvidia.com/gpu", "present", "NoSchedule")), false),
                new Pool("ingress", 4, List.of(C7_2XL), List.of(LIFSEA_2_0), new int[] {100}, List.of("ingress"),
                        Map.of(), List.of(taint("dedicated", "ingress", "NoSchedule")), false));
        List<Workload> workloads = List.of(
                new Workload("kube-system", "coredns", ACK + "coredns:v1.11.3.2-f57ea7ed6-aliyun", 2, "general", null,
                        "100m", "70Mi", false),
                new Workload("kube-system", "metrics-server", ACK + "metrics-server:v0.7.2-6a1b3c5-aliyun", 1,
                        "general", null, "100m", "200Mi", false),
                new Workload("kube-system", "nginx-ingress-controller", ACK + "controller:v1.11.3-aliyun.1", 4,
                        "ingress", null, "500m", "512Mi", false),
                new Workload("shop", "storefront", ANOLIS + "nginx:1.14.1-8.6", 30, "general", "runc", "250m",
                        "256Mi", false),
                new Workload("shop", "cart", ANOLIS + "openjdk:11.0.19-8.6", 12, "general", null, "500m", "1Gi",
                        false),
                new Workload("shop", "checkout", ANOLIS + "openjdk:11.0.19-8.6", 8, "general", "runc", "500m", "1Gi",
                        false),
                new Workload("payments", "payments-api", ANOLIS + "openjdk:11.0.19-8.6", 8, "sandbox", "rund", "1",
                        "2Gi", false),
                new Workload("ci", "build-runner", ANOLIS + "anolisos:8.8", 18, "sandbox", "rund", "2", "4Gi", false),
                new Workload("ml", "recommendation", ANOLIS + "python:3.11.1-23", 8, "gpu", null, "4", "16Gi", true),
                new Workload("ml", "confidential-inference", ANOLIS + "python:3.11.1-23", 6, "confidential", "cc",
                        "2", "8Gi", false),
                new Workload("analytics", "spark-executor", ANOLIS + "openjdk:11.0.19-8.6", 20, "arm", "runc", "2",
                        "8Gi", false));
        return new Plan("demo-hangzhou-prod", 20260301L, "cn-hangzhou",
                List.of("cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"), 20,
                "v1.30.7-aliyun.1", "v1.28.15-aliyun.1", List.of(LIFSEA_1_8, ANOLIS_8_8), LIFSEA_2_1.image(), pools,
                terwayDaemons("v1.30.7-aliyun.1"), workloads, List.of("runc", "rund", "cc"), false, 2, 1, 4, 2, 0,
                false);
    }

    private static Plan staging() {
        List<Pool> pools = List.of(
                new Pool("control-plane", 3, List.of(G7_2XL), List.of(LIFSEA_2_1), new int[] {100},
                        List.of("control-plane", "master"), Map.of(),
                        List.of(taint(ROLE + "control-plane", null, "NoSchedule")), false),
                new Pool("general", 36, List.of(G7_4XL), List.of(LIFSEA_2_1, LIFSEA_2_0, ANOLIS_23),
                        new int[] {70, 25, 5}, List.of("worker"), Map.of(), List.of(), false),
                new Pool("arm", 9, List.of(G8Y_4XL), List.of(LIFSEA_2_1), new int[] {100}, List.of("worker"),
                        Map.of(), List.of(), false),
                new Pool("sandbox", 6, List.of(EBMG7), List.of(LIFSEA_2_1), new int[] {100}, List.of("worker"),
                        labels(RUNTIME + "rund", "true", RUNTIME + "kata", "true"), List.of(), false),
                new Pool("canary", 6, List.of(G7_4XL), List.of(LIFSEA_2_2), new int[] {100},
                        List.of("worker", "canary"), Map.of(), List.of(), false));
        List<Workload> workloads = List.of(
                new Workload("kube-system", "coredns", ACK + "coredns:v1.11.3.2-f57ea7ed6-aliyun", 2, "general", null,
                        "100m", "70Mi", false),
                new Workload("kube-system", "metrics-server", ACK + "metrics-server:v0.7.2-6a1b3c5-aliyun", 1,
                        "general", null, "100m", "200Mi", false),
                new Workload("shop", "storefront", ANOLIS + "nginx:1.14.1-8.6", 6, "general", "runc", "250m",
                        "256Mi", false),
                new Workload("shop", "cart", ANOLIS + "openjdk:11.0.19-8.6", 3, "general", null, "500m", "1Gi",
                        false),
                new Workload("shop", "checkout", ANOLIS + "openjdk:11.0.19-8.6", 2, "arm", "runc", "500m", "1Gi",
                        false),
                new Workload("payments", "payments-api", ANOLIS + "openjdk:11.0.19-8.6", 3, "sandbox", "rund", "1",
                        "2Gi", false),
                new Workload("ci", "build-runner", ANOLIS + "anolisos:8.8", 8, "sandbox", "kata", "2", "4Gi", false),
                new Workload("canary", "storefront-canary", ANOLIS + "nginx:1.14.1-8.6", 4, "canary", "runc", "250m",
                        "256Mi", false));
        return new Plan("demo-shanghai-staging", 20260302L, "cn-shanghai",
                List.of("cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g"), 30, "v1.31.1-aliyun.1",
                "v1.30.7-aliyun.1", List.of(LIFSEA_2_0), LIFSEA_2_1.image(), pools,
                terwayDaemons("v1.31.1-aliyun.1"), workloads, List.of("runc", "rund", "kata"), true, 1, 0, 2, 0, 1,
                false);
    }

    private static Plan edge() {
        Map<String, String> edge = labels("alibabacloud.com/is-edge-worker", "true", "openyurt.io/is-edge-worker",
                "true");
        List<Pool> pools = List.of(
                new Pool("cloud", 3, List.of(G7_2XL), List.of(LIFSEA_2_0), new int[] {100}, List.of("worker"),
                        labels("alibabacloud.com/is-edge-worker", "false"), List.of(), false),
                new Pool("factory-suzhou", 36, List.of(IPC_ARM), List.of(ANOLIS_8_9, ANOLIS_8_8, LIFSEA_1_8),
                        new int[] {40, 45, 15}, List.of("edge"), edge, List.of(), true),
                new Pool("factory-wuxi", 30, List.of(IPC_X86), List.of(ANOLIS_8_8, ANOLIS_8_9, LIFSEA_2_0),
                        new int[] {60, 30, 10}, List.of("edge"), edge, List.of(), true),
                new Pool("warehouse-hefei", 21, List.of(IPC_ARM), List.of(ANOLIS_8_9, LIFSEA_2_0),
                        new int[] {70, 30}, List.of("edge"), edge, List.of(), true));
        List<Workload> workloads = List.of(
                new Workload("kube-system", "coredns", ACK + "coredns:v1.11.3.2-f57ea7ed6-aliyun", 2, "cloud", null,
                        "100m", "70Mi", false),
                new Workload("factory-apps", "vision-inspection", ANOLIS + "python:3.11.1-23", 36, "factory-suzhou",
                        "runc", "1", "2Gi", false),
                new Workload("factory-apps", "plc-gateway", ANOLIS + "openjdk:11.0.19-8.6", 30, "factory-wuxi",
                        null, "500m", "512Mi", false),
                new Workload("logistics", "scanner-sync", ANOLIS + "python:3.11.1-23", 21, "warehouse-hefei", null,
                        "250m", "256Mi", false));
        List<Daemon> daemons = List.of(
                new Daemon("kube-system", "kube-proxy", ACK + "kube-proxy:v1.28.15-aliyun.1", true, "100m", "64Mi"),
                new Daemon("kube-system", "kube-flannel-ds", ACK + "flannel:v0.24.2.1-aliyun", true, "100m", "64Mi"),
                new Daemon("kube-system", "raven-agent-ds", ACK + "raven-agent:v0.4.1-aliyun.2", true, "50m", "64Mi"));
        return new Plan("demo-edge-factories", 20260303L, "cn-shanghai", List.of("cn-shanghai-f"), 40,
                "v1.28.15-aliyun.1", "v1.26.15-aliyun.1", List.of(LIFSEA_1_8), ANOLIS_8_9.image(), pools, daemons,
                workloads, List.of("runc"), false, 1, 6, 2, 1, 0, true);
    }

    private static List<Daemon> terwayDaemons(String kubernetesVersion) {
        return List.of(
                new Daemon("kube-system", "kube-proxy-worker", ACK + "kube-proxy:" + kubernetesVersion, true, "100m",
                        "64Mi"),
                new Daemon("kube-system", "terway-eniip", ACK + "terway:v1.9.4", true, "100m", "256Mi"),
                new Daemon("kube-system", "csi-plugin", ACK + "csi-plugin:v1.30.4-8fa5a2f-aliyun", true, "100m",
                        "128Mi"),
                new Daemon("arms-prom", "node-exporter", ACK + "node-exporter:v1.7.0", true, "50m", "64Mi"));
    }

    /** What a node is like, decided before its objects are built. */
    private static final class NodeFacts {
        String name;
        Pool pool;
        Shape shape;
        Os os;
        String zone;
        String ip;
        String kubelet;
        Instant created;
        Instant booted;
        String bootId;
        int seq;
        String ready = "True";
        @Nullable String readyMessage;
        boolean cordoned;
        boolean diskPressure;
        boolean memoryPressure;
        boolean rebooted;
        int pods;
        Map<String, String> labels = Map.of();

        boolean schedulable() {
            return ready.equals("True") && !cordoned && !diskPressure && !memoryPressure;
        }
    }

    private static final class Generator {
        private final Plan plan;
        private final Instant now;
        private final Random random;
        private final List<HasMetadata> objects = new ArrayList<>();
        private final List<NodeFacts> nodes = new ArrayList<>();

        Generator(Plan plan, Instant now) {
            this.plan = plan;
            this.now = now;
            this.random = new Random(plan.seed());
        }

        DemoCluster build() {
            planNodes();
            namespaces();
            runtimeClasses();
            daemonSets();
            staticPods();
            workloads();
            nodes.forEach(this::node);
            events();
            return new DemoCluster(plan.name(), plan.kubernetesVersion(), plan.target(), List.copyOf(objects));
        }

        private String uid(String kind, @Nullable String namespace, String name) {
            return UUID.nameUUIDFromBytes((plan.name() + "/" + kind + "/" + namespace + "/" + name)
                    .getBytes(StandardCharsets.UTF_8)).toString();
        }

        private String ts(Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }

        private Instant ago(Duration d) {
            return now.minus(d);
        }

        private String suffix(int length) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append(SUFFIX.charAt(random.nextInt(SUFFIX.length())));
            }
            return s.toString();
        }

        private String hex(int length) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append(Character.forDigit(random.nextInt(16), 16));
            }
            return s.toString();
        }

        private Os pick(Pool pool) {
            int total = 0;
            for (int w : pool.weights()) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < pool.weights().length; i++) {
                r -= pool.weights()[i];
                if (r < 0) {
                    return pool.os().get(i);
                }
            }
            return pool.os().getLast();
        }

        private void planNodes() {
            int seq = 0;
            for (int p = 0; p < plan.pools().size(); p++) {
                Pool pool = plan.pools().get(p);
                String poolId = "np" + hex(32);
                for (int i = 0; i < pool.count(); i++) {
                    NodeFacts n = new NodeFacts();
                    n.seq = seq++;
                    n.pool = pool;
                    n.shape = pool.shapes().get(i % pool.shapes().size());
                    n.os = pick(pool);
                    int zone = i % plan.zones().size();
                    n.zone = plan.zones().get(zone);
                    n.ip = pool.edge() ? "192.168." + (10 + p) + "." + (20 + i)
                            : "10." + (plan.ipBase() + zone) + "." + p + "." + (10 + i / plan.zones().size());
                    n.name = pool.edge() ? pool.name() + "-" + String.format("%03d", i + 1)
                            : plan.region() + "." + n.ip;
                    n.kubelet = plan.lagging().contains(n.os) ? plan.laggingKubelet() : plan.kubernetesVersion();
                    // Nodes on the target image were replaced lately; the others have run for months.
                    boolean current = n.os.image().equals(plan.target());
                    long days = pool.roles().contains("control-plane") ? 410
                            : current ? 3 + random.nextInt(110) : 120 + random.nextInt(420);
                    n.created = ago(Duration.ofDays(days).plusMinutes(random.nextInt(24 * 60)));
                    n.booted = n.created.isAfter(ago(Duration.ofDays(30))) ? n.created
                            : ago(Duration.ofDays(1 + random.nextInt(29)).plusMinutes(random.nextInt(24 * 60)));
                    n.bootId = UUID.nameUUIDFromBytes((n.name + n.booted).getBytes(StandardCharsets.UTF_8)).toString();
                    n.labels = labelsOf(n, poolId);
                    nodes.add(n);
                }
            }
            List<NodeFacts> workers = nodes.stream().filter(n -> !n.pool.roles().contains("control-plane")
                    && !n.pool.name().equals("cloud")).toList();
            List<NodeFacts> shuffled = new ArrayList<>(workers);
            java.util.Collections.shuffle(shuffled, random);
            int k = 0;
            String[] notReady = {
                    "PLEG is not healthy: pleg was last seen active 3m41.318s ago; threshold is 3m0s",
                    "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady "
                            + "message:Network plugin returns error: cni plugin not initialized",
                    "container runtime is down: failed to get runtime status: rpc error: code = Unavailable desc = "
                            + "connection error: desc = \"transport: Error while dialing: dial unix "
                            + "/run/containerd/containerd.sock: connect: connection refused\""};
            for (int i = 0; i < plan.notReady(); i++) {
                NodeFacts n = shuffled.get(k++);
                n.ready = "False";
                n.readyMessage = notReady[i % notReady.length];
            }
            for (int i = 0; i < plan.unknown(); i++) {
                NodeFacts n = shuffled.get(k++);
                n.ready = "Unknown";
                n.readyMessage = "Kubelet stopped posting node status.";
            }
            for (int i = 0; i < plan.cordoned(); i++) {
                shuffled.get(k++).cordoned = true;
            }
            for (int i = 0; i < plan.diskPressure(); i++) {
                shuffled.get(k++).diskPressure = true;
            }
            for (int i = 0; i < plan.memoryPressure(); i++) {
                shuffled.get(k++).memoryPressure = true;
            }
            for (NodeFacts n : shuffled.subList(k, shuffled.size())) {
                if (random.nextInt(25) == 0 && n.created.isBefore(ago(Duration.ofDays(2)))) {
                    n.rebooted = true;
                    n.booted = ago(Duration.ofMinutes(20 + random.nextInt(600)));
                    n.bootId = UUID.nameUUIDFromBytes((n.name + n.booted).getBytes(StandardCharsets.UTF_8))
                            .toString();
                }
            }
        }

        private Map<String, String> labelsOf(NodeFacts n, String poolId) {
            Map<String, String> l = new TreeMap<>();
            l.put("beta.kubernetes.io/arch", n.shape.arch());
            l.put("beta.kubernetes.io/os", "linux");
            l.put("kubernetes.io/arch", n.shape.arch());
            l.put("kubernetes.io/hostname", n.name);
            l.put("kubernetes.io/os", "linux");
            if (!n.pool.edge()) {
                l.put("topology.kubernetes.io/region", plan.region());
                l.put("topology.kubernetes.io/zone", n.zone);
                l.put("node.kubernetes.io/instance-type", n.shape.type());
                l.put("alibabacloud.com/nodepool-id", poolId);
            } else {
                l.put("apps.openyurt.io/nodepool", n.pool.name());
            }
            for (String role : n.pool.roles()) {
                l.put(ROLE + role, "");
            }
            l.putAll(n.pool.labels());
            return l;
        }

        private void namespaces() {
            List<String> names = new ArrayList<>(List.of("default", "kube-system", "kube-public", "kube-node-lease"));
            plan.daemons().forEach(d -> addIfAbsent(names, d.namespace()));
            plan.workloads().forEach(w -> addIfAbsent(names, w.namespace()));
            for (String ns : names) {
                objects.add(new NamespaceBuilder().withNewMetadata().withName(ns).withUid(uid("Namespace", null, ns))
                        .withCreationTimestamp(ts(ago(Duration.ofDays(ns.startsWith("kube") || ns.equals("default")
                                ? 420 : 300))))
                        .addToLabels("kubernetes.io/metadata.name", ns).endMetadata()
                        .withNewStatus().withPhase("Active").endStatus().build());
            }
        }

        private static void addIfAbsent(List<String> list, String value) {
            if (!list.contains(value)) {
                list.add(value);
            }
        }

        private void runtimeClasses() {
            for (String rc : plan.runtimeClasses()) {
                var b = new RuntimeClassBuilder().withNewMetadata().withName(rc).withUid(uid("RuntimeClass", null, rc))
                        .withCreationTimestamp(ts(ago(Duration.ofDays(280)))).endMetadata();
                switch (rc) {
                    case "rund" -> b.withHandler("rund")
                            .withNewOverhead().addToPodFixed("cpu", new Quantity("100m"))
                            .addToPodFixed("memory", new Quantity("128Mi")).endOverhead()
                            .withNewScheduling().addToNodeSelector(RUNTIME + "rund", "true").endScheduling()
                            .editMetadata().addToAnnotations("description",
                                    "RunD secure containers (lightweight VM sandbox, Kata-compatible)").endMetadata();
                    case "kata" -> b.withHandler("kata")
                            .withNewOverhead().addToPodFixed("cpu", new Quantity("250m"))
                            .addToPodFixed("memory", new Quantity("160Mi")).endOverhead()
                            .withNewScheduling().addToNodeSelector(RUNTIME + "kata", "true").endScheduling();
                    case "cc" -> b.withHandler("kata-qemu-tdx")
                            .withNewOverhead().addToPodFixed("cpu", new Quantity("250m"))
                            .addToPodFixed("memory", new Quantity("256Mi")).endOverhead()
                            .withNewScheduling().addToNodeSelector(RUNTIME + "cc", "true")
                            .addToTolerations(new TolerationBuilder().withKey("dedicated").withOperator("Equal")
                                    .withValue("confidential").withEffect("NoSchedule").build()).endScheduling()
                            .editMetadata().addToAnnotations("description",
                                    "Confidential containers (Intel TDX pod sandbox)").endMetadata();
                    default -> b.withHandler("runc");
                }
                objects.add(b.build());
            }
        }

        private OwnerReference owner(String kind, String namespace, String name) {
            return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind(kind).withName(name)
                    .withUid(uid(kind, namespace, name)).withController(true).withBlockOwnerDeletion(true).build();
        }

        private Container container(String name, String image, String cpu, String memory, boolean gpu) {
            var b = new ContainerBuilder().withName(name).withImage(image).withImagePullPolicy("IfNotPresent")
                    .withNewResources().addToRequests("cpu", new Quantity(cpu)).addToRequests("memory",
                            new Quantity(memory)).addToLimits("memory", new Quantity(memory)).endResources();
            if (gpu) {
                b.editResources().addToLimits("nvidia.com/gpu", new Quantity("1")).endResources();
            }
            return b.build();
        }

        private void daemonSets() {
            List<Toleration> all = List.of(new TolerationBuilder().withOperator("Exists").build());
            for (Daemon d : plan.daemons()) {
                Map<String, String> selector = Map.of("app", d.name());
                PodSpec template = new PodSpecBuilder().withHostNetwork(d.hostNetwork())
                        .withPriorityClassName("system-node-critical").withTolerations(all)
                        .withContainers(container(d.name(), d.image(), d.cpu(), d.memory(), false)).build();
                int ready = (int) nodes.stream().filter(n -> n.ready.equals("True")).count();
                objects.add(new DaemonSetBuilder().withNewMetadata().withName(d.name()).withNamespace(d.namespace())
                        .withUid(uid("DaemonSet", d.namespace(), d.name())).withLabels(selector)
                        .withCreationTimestamp(ts(ago(Duration.ofDays(400)))).endMetadata()
                        .withNewSpec().withNewSelector().withMatchLabels(selector).endSelector()
                        .withNewTemplate().withNewMetadata().withLabels(selector).endMetadata().withSpec(template)
                        .endTemplate().endSpec()
                        .withNewStatus().withDesiredNumberScheduled(nodes.size())
                        .withCurrentNumberScheduled(nodes.size()).withUpdatedNumberScheduled(nodes.size())
                        .withNumberReady(ready).withNumberAvailable(ready).withNumberUnavailable(nodes.size() - ready)
                        .withNumberMisscheduled(0).withObservedGeneration(1L).endStatus().build());
                OwnerReference owner = owner("DaemonSet", d.namespace(), d.name());
                for (NodeFacts n : nodes) {
                    pod(d.namespace(), d.name() + "-" + suffix(5), selector, owner, null, n, template, d.hostNetwork(),
                            n.ready.equals("True"));
                }
            }
        }

        private void staticPods() {
            for (NodeFacts n : nodes) {
                List<String[]> manifests = new ArrayList<>();
                if (plan.staticControlPlane() && n.pool.roles().contains("control-plane")) {
                    String v = plan.kubernetesVersion();
                    manifests.add(new String[] {"etcd", ACK + "etcd:3.5.15-5e24c3ab-aliyun", "500m", "1Gi"});
                    manifests.add(new String[] {"kube-apiserver", ACK + "kube-apiserver:" + v, "1", "2Gi"});
                    manifests.add(new String[] {"kube-controller-manager", ACK + "kube-controller-manager:" + v,
                            "200m", "512Mi"});
                    manifests.add(new String[] {"kube-scheduler", ACK + "kube-scheduler:" + v, "100m", "256Mi"});
                }
                if (n.pool.edge()) {
                    manifests.add(new String[] {"yurt-hub", ACK + "yurthub:v1.4.4-aliyun.1", "50m", "128Mi"});
                }
                for (String[] m : manifests) {
                    PodSpec spec = new PodSpecBuilder().withHostNetwork(true)
                            .withPriorityClassName("system-node-critical")
                            .withContainers(container(m[0], m[1], m[2], m[3], false)).build();
                    var owner = new OwnerReferenceBuilder().withApiVersion("v1").withKind("Node").withName(n.name)
                            .withUid(uid("Node", null, n.name)).withController(true).build();
                    pod("kube-system", m[0] + "-" + n.name, Map.of("component", m[0], "tier", "control-plane"),
                            owner, hex(32), n, spec, true, n.ready.equals("True"));
                }
            }
        }

        private void workloads() {
            for (Workload w : plan.workloads()) {
                String hash = suffix(10);
                String rs = w.name() + "-" + hash;
                Map<String, String> selector = Map.of("app", w.name());
                Map<String, String> podLabels = Map.of("app", w.name(), "pod-template-hash", hash);
                PodSpecBuilder spec = new PodSpecBuilder().withRuntimeClassName(w.runtimeClass())
                        .withContainers(container(w.name(), w.image(), w.cpu(), w.memory(), w.gpu()));
                Pool pool = plan.pools().stream().filter(p -> p.name().equals(w.pool())).findFirst().orElseThrow();
                List<Toleration> tolerations = new ArrayList<>();
                pool.taints().forEach(t -> tolerations.add(new TolerationBuilder().withKey(t.getKey())
                        .withOperator(t.getValue() == null ? "Exists" : "Equal").withValue(t.getValue())
                        .withEffect(t.getEffect()).build()));
                spec.withTolerations(tolerations);
                if (pool.edge()) {
                    spec.withNodeSelector(Map.of("apps.openyurt.io/nodepool", pool.name()));
                } else if (!pool.labels().isEmpty()) {
                    spec.withNodeSelector(pool.labels());
                } else {
                    spec.withNodeSelector(Map.of("kubernetes.io/arch", pool.shapes().getFirst().arch()));
                }
                PodSpec template = spec.build();
                Instant created = ago(Duration.ofDays(20 + random.nextInt(200)));
                objects.add(new DeploymentBuilder().withNewMetadata().withName(w.name()).withNamespace(w.namespace())
                        .withUid(uid("Deployment", w.namespace(), w.name())).withLabels(selector)
                        .withCreationTimestamp(ts(created)).withGeneration(3L).endMetadata()
                        .withNewSpec().withReplicas(w.replicas()).withNewSelector().withMatchLabels(selector)
                        .endSelector().withNewTemplate().withNewMetadata().withLabels(selector).endMetadata()
                        .withSpec(template).endTemplate().endSpec()
                        .withNewStatus().withReplicas(w.replicas()).withReadyReplicas(w.replicas())
                        .withAvailableReplicas(w.replicas()).withUpdatedReplicas(w.replicas())
                        .withObservedGeneration(3L).endStatus().build());
                objects.add(new ReplicaSetBuilder().withNewMetadata().withName(rs).withNamespace(w.namespace())
                        .withUid(uid("ReplicaSet", w.namespace(), rs)).withLabels(podLabels)
                        .withCreationTimestamp(ts(ago(Duration.ofDays(1 + random.nextInt(19)))))
                        .withOwnerReferences(owner("Deployment", w.namespace(), w.name()))
                        .addToAnnotations("deployment.kubernetes.io/revision", "3").endMetadata()
                        .withNewSpec().withReplicas(w.replicas()).withNewSelector().withMatchLabels(podLabels)
                        .endSelector().withNewTemplate().withNewMetadata().withLabels(podLabels).endMetadata()
                        .withSpec(template).endTemplate().endSpec()
                        .withNewStatus().withReplicas(w.replicas()).withReadyReplicas(w.replicas())
                        .withAvailableReplicas(w.replicas()).withFullyLabeledReplicas(w.replicas())
                        .withObservedGeneration(1L).endStatus().build());
                List<NodeFacts> eligible = new ArrayList<>(nodes.stream()
                        .filter(n -> n.pool == pool && n.schedulable()).toList());
                // A cordoned node keeps the pods it had: cordoning does not evict.
                nodes.stream().filter(n -> n.pool == pool && n.cordoned).forEach(eligible::add);
                if (eligible.isEmpty()) {
                    nodes.stream().filter(n -> n.pool == pool).forEach(eligible::add);
                }
                OwnerReference owner = owner("ReplicaSet", w.namespace(), rs);
                for (int i = 0; i < w.replicas(); i++) {
                    NodeFacts n = eligible.get((i + random.nextInt(2)) % eligible.size());
                    pod(w.namespace(), rs + "-" + suffix(5), podLabels, owner, null, n, template, false, true);
                }
            }
            // Not every pod finds a node: a GPU job waits for capacity.
            for (Pool pool : plan.pools()) {
                if (pool.shapes().getFirst().gpu() != null) {
                    long gpus = pool.count();
                    String message = "0/" + nodes.size() + " nodes are available: " + gpus
                            + " Insufficient nvidia.com/gpu, " + (nodes.size() - gpus) + " node(s) didn't match Pod's "
                            + "node affinity/selector. preemption: 0/" + nodes.size() + " nodes are available: " + gpus
                            + " No preemption victims found for incoming pod, " + (nodes.size() - gpus)
                            + " Preemption is not helpful for scheduling.";
                    for (int i = 0; i < 2; i++) {
                        String name = "fine-tune-qwen-" + suffix(5);
                        objects.add(new PodBuilder().withNewMetadata().withName(name).withNamespace("ml")
                                .withUid(uid("Pod", "ml", name)).addToLabels("job-name", "fine-tune-qwen")
                                .withCreationTimestamp(ts(ago(Duration.ofMinutes(30 + random.nextInt(90)))))
                                .endMetadata()
                                .withSpec(new PodSpecBuilder().withRestartPolicy("Never")
                                        .withNodeSelector(pool.labels())
                                        .withContainers(container("trainer", ANOLIS + "python:3.11.1-23", "8", "32Gi",
                                                true)).build())
                                .withNewStatus().withPhase("Pending").withQosClass("Burstable")
                                .addToConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
                                        .withReason("Unschedulable").withMessage(message)
                                        .withLastTransitionTime(ts(ago(Duration.ofMinutes(29)))).build())
                                .endStatus().build());
                    }
                }
            }
        }

        private void pod(String namespace, String name, Map<String, String> labels, OwnerReference owner,
                         @Nullable String mirrorHash, NodeFacts n, PodSpec template, boolean hostNetwork,
                         boolean ready) {
            n.pods++;
            Instant started = n.booted.isAfter(n.created) ? n.booted : n.created;
            started = started.plusSeconds(20 + random.nextInt(120));
            if (mirrorHash == null && !hostNetwork) {
                Instant latest = ago(Duration.ofDays(1 + random.nextInt(18)));
                started = started.isAfter(latest) ? started : latest;
            }
            String podIp = hostNetwork ? n.ip : plan.flannel() ? "172.20." + n.seq + "." + (2 + n.pods)
                    : "10." + (plan.ipBase() + 5) + "." + (n.seq % 250) + "." + (10 + n.pods);
            String cid = hex(64);
            Container c = template.getContainers().getFirst();
            int restarts = random.nextInt(10) == 0 ? 1 + random.nextInt(4) : 0;
            String readyStatus = ready ? "True" : "False";
            var meta = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(namespace)
                    .withUid(uid("Pod", namespace, name)).withLabels(labels).withOwnerReferences(owner)
                    .withCreationTimestamp(ts(started.minusSeconds(15)));
            if (mirrorHash != null) {
                meta.addToAnnotations("kubernetes.io/config.hash", mirrorHash)
                        .addToAnnotations("kubernetes.io/config.mirror", mirrorHash)
                        .addToAnnotations("kubernetes.io/config.source", "file")
                        .addToAnnotations("kubernetes.io/config.seen", ts(started.minusSeconds(30)));
            }
            objects.add(new PodBuilder().withMetadata(meta.build())
                    .withSpec(new PodSpecBuilder(template).withNodeName(n.name).withRestartPolicy("Always")
                            .withSchedulerName("default-scheduler").withServiceAccountName(
                                    mirrorHash != null ? null : labels.getOrDefault("app", "default"))
                            .build())
                    .withNewStatus().withPhase("Running").withHostIP(n.ip).withPodIP(podIp)
                    .addNewPodIP().withIp(podIp).endPodIP().withStartTime(ts(started)).withQosClass("Burstable")
                    .addToConditions(
                            new PodConditionBuilder().withType("Initialized").withStatus("True")
                                    .withLastTransitionTime(ts(started)).build(),
                            new PodConditionBuilder().withType("Ready").withStatus(readyStatus)
                                    .withLastTransitionTime(ts(started.plusSeconds(8))).build(),
                            new PodConditionBuilder().withType("ContainersReady").withStatus(readyStatus)
                                    .withLastTransitionTime(ts(started.plusSeconds(8))).build(),
                            new PodConditionBuilder().withType("PodScheduled").withStatus("True")
                                    .withLastTransitionTime(ts(started.minusSeconds(15))).build())
                    .addToContainerStatuses(new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
                            .withImageID(c.getImage().replaceFirst(":[^:/]+$", "") + "@sha256:" + hex(64))
                            .withContainerID("containerd://" + cid).withReady(ready).withStarted(ready)
                            .withRestartCount(restarts).withNewState().withNewRunning()
                            .withStartedAt(ts(started.plusSeconds(3))).endRunning().endState().build())
                    .endStatus().build());
        }

        private void node(NodeFacts n) {
            List<Taint> taints = new ArrayList<>(n.pool.taints());
            String since = ts(ago(Duration.ofMinutes(5 + random.nextInt(50))));
            if (n.cordoned) {
                taints.add(new TaintBuilder().withKey("node.kubernetes.io/unschedulable").withEffect("NoSchedule")
                        .withTimeAdded(ts(ago(Duration.ofHours(2 + random.nextInt(70))))).build());
            }
            if (n.ready.equals("False")) {
                taints.add(new TaintBuilder().withKey("node.kubernetes.io/not-ready").withEffect("NoSchedule")
                        .withTimeAdded(since).build());
                taints.add(new TaintBuilder().withKey("node.kubernetes.io/not-ready").withEffect("NoExecute")
                        .withTimeAdded(since).build());
            } else if (n.ready.equals("Unknown")) {
                taints.add(new TaintBuilder().withKey("node.kubernetes.io/unreachable").withEffect("NoSchedule")
                        .withTimeAdded(since).build());
                taints.add(new TaintBuilder().withKey("node.kubernetes.io/unreachable").withEffect("NoExecute")
                        .withTimeAdded(since).build());
            }
            if (n.diskPressure) {
                taints.add(new TaintBuilder().withKey("node.kubernetes.io/disk-pressure").withEffect("NoSchedule")
                        .withTimeAdded(since).build());
            }
            if (n.memoryPressure) {
                taints.add(new TaintBuilder().withKey("node.kubernetes.io/memory-pressure").withEffect("NoSchedule")
                        .withTimeAdded(since).build());
            }
            Shape s = n.shape;
            long memoryKi = s.memoryGi() * 1024L * 1024L - 8_000L - random.nextInt(4000);
            long reservedKi = Math.min(s.memoryGi(), 16) * 1024L * 1024L / 10;
            Map<String, Quantity> capacity = new LinkedHashMap<>();
            capacity.put("cpu", new Quantity(String.valueOf(s.cpu())));
            capacity.put("ephemeral-storage", new Quantity("123722704Ki"));
            capacity.put("hugepages-1Gi", new Quantity("0"));
            capacity.put("hugepages-2Mi", new Quantity("0"));
            capacity.put("memory", new Quantity(memoryKi + "Ki"));
            capacity.put("pods", new Quantity(String.valueOf(s.pods())));
            Map<String, Quantity> allocatable = new LinkedHashMap<>(capacity);
            allocatable.put("cpu", new Quantity((s.cpu() * 1000 - 100 - s.cpu() * 10) + "m"));
            allocatable.put("ephemeral-storage", new Quantity("114022843818"));
            allocatable.put("memory", new Quantity((memoryKi - reservedKi) + "Ki"));
            if (s.gpu() != null) {
                capacity.put("nvidia.com/gpu", new Quantity("1"));
                allocatable.put("nvidia.com/gpu", new Quantity("1"));
            }
            String uarch = s.arch().equals("arm64") ? "aarch64" : "x86_64";
            var spec = new io.fabric8.kubernetes.api.model.NodeSpecBuilder().withTaints(taints)
                    .withUnschedulable(n.cordoned ? Boolean.TRUE : null);
            if (!n.pool.edge()) {
                spec.withProviderID(plan.region() + ".i-" + (plan.region().equals("cn-hangzhou") ? "bp1" : "uf6")
                        + hex(17));
            }
            if (plan.flannel()) {
                spec.withPodCIDR("172.20." + n.seq + ".0/24").withPodCIDRs("172.20." + n.seq + ".0/24");
            }
            objects.add(new NodeBuilder().withNewMetadata().withName(n.name).withUid(uid("Node", null, n.name))
                    .withCreationTimestamp(ts(n.created)).withLabels(n.labels)
                    .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
                    .addToAnnotations("volumes.kubernetes.io/controller-managed-attach-detach", "true")
                    .endMetadata()
                    .withSpec(spec.build())
                    .withNewStatus().withCapacity(capacity).withAllocatable(allocatable)
                    .withConditions(conditions(n))
                    .addNewAddress().withType("InternalIP").withAddress(n.ip).endAddress()
                    .addNewAddress().withType("Hostname").withAddress(n.name).endAddress()
                    .withNewDaemonEndpoints().withNewKubeletEndpoint().withPort(10250).endKubeletEndpoint()
                    .endDaemonEndpoints()
                    .withNewNodeInfo().withMachineID(hex(32)).withSystemUUID(UUID.nameUUIDFromBytes(
                            n.name.getBytes(StandardCharsets.UTF_8)).toString()).withBootID(n.bootId)
                    .withKernelVersion(n.os.kernel() + "." + uarch).withOsImage(n.os.image())
                    .withContainerRuntimeVersion(n.os.containerd()).withKubeletVersion(n.kubelet)
                    .withKubeProxyVersion(n.kubelet).withOperatingSystem("linux").withArchitecture(s.arch())
                    .endNodeInfo().endStatus().build());
        }

        private List<NodeCondition> conditions(NodeFacts n) {
            Instant heartbeat = ago(Duration.ofSeconds(random.nextInt(40)));
            String up = ts(n.booted.plusSeconds(40));
            if (n.ready.equals("Unknown")) {
                String hb = ts(ago(Duration.ofMinutes(25 + random.nextInt(300))));
                String lost = ts(ago(Duration.ofMinutes(20 + random.nextInt(20))));
                return List.of(cond("MemoryPressure", "Unknown", "NodeStatusUnknown", n.readyMessage, hb, lost),
                        cond("DiskPressure", "Unknown", "NodeStatusUnknown", n.readyMessage, hb, lost),
                        cond("PIDPressure", "Unknown", "NodeStatusUnknown", n.readyMessage, hb, lost),
                        cond("Ready", "Unknown", "NodeStatusUnknown", n.readyMessage, hb, lost));
            }
            String hb = ts(heartbeat);
            String recent = ts(ago(Duration.ofMinutes(6 + random.nextInt(40))));
            List<NodeCondition> list = new ArrayList<>();
            list.add(n.memoryPressure
                    ? cond("MemoryPressure", "True", "KubeletHasInsufficientMemory",
                    "kubelet has insufficient memory available", hb, recent)
                    : cond("MemoryPressure", "False", "KubeletHasSufficientMemory",
                    "kubelet has sufficient memory available", hb, up));
            list.add(n.diskPressure
                    ? cond("DiskPressure", "True", "KubeletHasDiskPressure", "kubelet has disk pressure", hb, recent)
                    : cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", hb,
                    up));
            list.add(cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
                    hb, up));
            list.add(n.ready.equals("False")
                    ? cond("Ready", "False", "KubeletNotReady", n.readyMessage, hb, recent)
                    : cond("Ready", "True", "KubeletReady", "kubelet is posting ready status", hb, up));
            return list;
        }

        private NodeCondition cond(String type, String status, String reason, @Nullable String message,
                                   String heartbeat, String transition) {
            return new NodeConditionBuilder().withType(type).withStatus(status).withReason(reason)
                    .withMessage(message).withLastHeartbeatTime(heartbeat).withLastTransitionTime(transition).build();
        }

        private void events() {
            for (NodeFacts n : nodes) {
                if (!n.ready.equals("True")) {
                    Instant at = ago(Duration.ofMinutes(8 + random.nextInt(40)));
                    event(n, "node-controller", "Normal", "NodeNotReady",
                            "Node " + n.name + " status is now: NodeNotReady", at, at, 1);
                }
                if (n.diskPressure) {
                    Instant first = ago(Duration.ofMinutes(40 + random.nextInt(60)));
                    event(n, "kubelet", "Normal", "NodeHasDiskPressure",
                            "Node " + n.name + " status is now: NodeHasDiskPressure", first, first, 1);
                    event(n, "kubelet", "Warning", "EvictionThresholdMet", "Attempting to reclaim ephemeral-storage",
                            first, ago(Duration.ofMinutes(2)), 9 + random.nextInt(20));
                    event(n, "kubelet", "Warning", "FreeDiskSpaceFailed", "Failed to garbage collect required amount "
                            + "of images. Attempted to free 4831838208 bytes, but only found 0 bytes eligible to free.",
                            first, ago(Duration.ofMinutes(4)), 5 + random.nextInt(10));
                }
                if (n.memoryPressure) {
                    Instant first = ago(Duration.ofMinutes(15 + random.nextInt(30)));
                    event(n, "kubelet", "Normal", "NodeHasInsufficientMemory",
                            "Node " + n.name + " status is now: NodeHasInsufficientMemory", first, first, 1);
                    event(n, "kubelet", "Warning", "EvictionThresholdMet", "Attempting to reclaim memory", first,
                            ago(Duration.ofMinutes(1)), 4 + random.nextInt(6));
                }
                if (n.cordoned) {
                    Instant at = ago(Duration.ofHours(2 + random.nextInt(40)));
                    event(n, "kubelet", "Normal", "NodeNotSchedulable",
                            "Node " + n.name + " status is now: NodeNotSchedulable", at, at, 1);
                }
                if (n.rebooted) {
                    event(n, "kubelet", "Warning", "Rebooted",
                            "Node " + n.name + " has been rebooted, boot id: " + n.bootId, n.booted.plusSeconds(30),
                            n.booted.plusSeconds(30), 1);
                    event(n, "kubelet", "Normal", "Starting", "Starting kubelet.", n.booted.plusSeconds(25),
                            n.booted.plusSeconds(25), 1);
                    event(n, "kubelet", "Normal", "NodeReady", "Node " + n.name + " status is now: NodeReady",
                            n.booted.plusSeconds(41), n.booted.plusSeconds(41), 1);
                }
                if (n.ready.equals("True") && random.nextInt(30) == 0) {
                    Instant at = ago(Duration.ofMinutes(10 + random.nextInt(2000)));
                    event(n, "kernel-monitor", "Warning", "OOMKilling", "Memory cgroup out of memory: Killed process "
                            + (2000 + random.nextInt(60000)) + " (java) total-vm:9183412kB, anon-rss:4171536kB, "
                            + "file-rss:21460kB, shmem-rss:0kB, UID:1000 pgtables:8812kB oom_score_adj:985", at, at,
                            1 + random.nextInt(3));
                }
                if (n.pool.edge() && random.nextInt(20) == 0) {
                    Instant at = ago(Duration.ofMinutes(30 + random.nextInt(3000)));
                    event(n, "kernel-monitor", "Warning", "TaskHung", "task containerd:" + (900 + random.nextInt(900))
                            + " blocked for more than 120 seconds.", at, at, 1);
                }
            }
        }

        private void event(NodeFacts n, String component, String type, String reason, String message, Instant first,
                           Instant last, int count) {
            String name = n.name + "." + hex(16);
            objects.add(new EventBuilder().withNewMetadata().withName(name).withNamespace("default")
                    .withUid(uid("Event", "default", name)).withCreationTimestamp(ts(first)).endMetadata()
                    .withNewInvolvedObject().withKind("Node").withName(n.name)
                    .withUid(component.equals("node-controller") ? uid("Node", null, n.name) : n.name)
                    .withApiVersion(component.equals("node-controller") ? "v1" : null).endInvolvedObject()
                    .withReason(reason).withMessage(message).withType(type).withCount(count)
                    .withFirstTimestamp(ts(first)).withLastTimestamp(ts(last))
                    .withNewSource().withComponent(component)
                    .withHost(component.equals("node-controller") ? null : n.name).endSource()
                    .withReportingComponent(component.equals("kernel-monitor") ? "kernel-monitor" : component)
                    .withReportingInstance(component.equals("node-controller") ? "" : n.name).build());
        }
    }
}
