package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditService;
import org.sigportal.base.demo.DemoMode;
import org.sigportal.cluster.ClusterHealth;
import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.ClusterSummary;
import org.sigportal.cluster.DrainReport;
import org.sigportal.cluster.FleetOverview;
import org.sigportal.cluster.FleetService;
import org.sigportal.cluster.NodeOperationsService;
import org.sigportal.cluster.NodePage;
import org.sigportal.cluster.NodeQuery;
import org.sigportal.cluster.NodeView;
import org.sigportal.cluster.internal.demo.SimulatedApiServer;
import org.sigportal.cluster.internal.demo.SimulatedCluster;
import org.sigportal.support.Eventually;
import org.sigportal.support.H2Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default's demo fleet, through the portal's own services: three clusters marked demo, connected
 * through the ordinary client code to the simulated API server, a few hundred nodes with OS-version drift,
 * cordon and drain reaching the server and coming back through the informers, and a restart re-pointing them.
 */
@H2Database
class DemoFleetH2Test {

    private static final List<String> NAMES = List.of("demo-edge-factories", "demo-hangzhou-prod",
            "demo-shanghai-staging");

    @Autowired
    ClusterService clusters;
    @Autowired
    FleetService fleet;
    @Autowired
    NodeOperationsService operations;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoFleet demoFleet;
    @Autowired
    JooqClusterRepository repository;
    @Autowired
    ClusterConnector connector;
    @Autowired
    Clock clock;

    @BeforeEach
    void operator() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "operator-demo", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR", "ROLE_ADMIN", "SCOPE_read",
                        "SCOPE_operate")));
        Eventually.within(Duration.ofSeconds(60), "the demo clusters are connected with all their nodes",
                () -> demo().size() == 3 && demo().stream().allMatch(c -> c.health() == ClusterHealth.CONNECTED)
                        && demo().stream().mapToInt(ClusterSummary::nodeCount).sum() == 300);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private List<ClusterSummary> demo() {
        return clusters.list().stream().filter(ClusterSummary::demo).toList();
    }

    private ClusterSummary cluster(String name) {
        return clusters.list().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private KubernetesClient direct(String name) {
        SimulatedApiServer server = Objects.requireNonNull(demoFleet.server());
        SimulatedCluster simulated = Objects.requireNonNull(server.cluster(name));
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty()).withAutoConfigure(false)
                .withMasterUrl(simulated.url()).withOauthToken(simulated.token()).build()).build();
    }

    private static boolean ownedBy(Pod pod, String kind) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners != null && owners.stream().anyMatch(o -> kind.equals(o.getKind()));
    }

    @Test
    void theDemoClustersAreRegisteredMarkedAndConnectedLikeAnyOther() {
        assertThat(demo()).extracting(ClusterSummary::name).containsExactlyElementsOf(NAMES);
        assertThat(demo()).allSatisfy(c -> {
            assertThat(c.enabled()).isTrue();
            assertThat(c.apiServerUrl()).startsWith("http://127.0.0.1:").endsWith("/" + c.name());
            assertThat(c.kubernetesVersion()).startsWith("v1.");
            assertThat(c.apiVersions()).contains("v1", "policy/v1", "node.k8s.io/v1", "apps/v1");
            assertThat(c.targetOsImage()).isNotBlank();
        });
        assertThat(demo()).extracting(ClusterSummary::nodeCount).containsExactly(90, 150, 60);
        String stored = jdbc.queryForObject("SELECT credentials FROM cluster WHERE name = ?", String.class,
                "demo-hangzhou-prod");
        assertThat(stored).startsWith("v1:")
                .doesNotContain(Objects.requireNonNull(Objects.requireNonNull(demoFleet.server())
                        .cluster("demo-hangzhou-prod")).token());
        assertThat(audit.count(new AuditFilter("system", "cluster.register", null, null, null,
                "demo-shanghai-staging"))).isEqualTo(1);
    }

    @Test
    void theirNodesFillTheGridWithSeveralOsImagesAndDriftFromTheTargets() {
        long prod = cluster("demo-hangzhou-prod").id();
        NodePage page = fleet.nodes(new NodeQuery(null, prod, null, null, null, NodeQuery.NodeSort.NAME, true, 0,
                500));
        assertThat(page.total()).isEqualTo(150);
        assertThat(page.nodes()).extracting(NodeView::osImage).contains("LifseaOS 2.1", "LifseaOS 2.0",
                "LifseaOS 1.8", "Anolis OS 8.9", "Anolis OS 8.8", "Anolis OS 23.1");
        assertThat(page.nodes()).extracting(NodeView::kubeletVersion).contains("v1.30.7-aliyun.1",
                "v1.28.15-aliyun.1");
        assertThat(page.nodes()).filteredOn(n -> n.status() == NodeView.NodeStatus.NOT_READY).hasSize(2);
        assertThat(page.nodes()).filteredOn(n -> n.status() == NodeView.NodeStatus.UNKNOWN).hasSize(1)
                .allSatisfy(n -> assertThat(n.conditions()).anySatisfy(c ->
                        assertThat(c.message()).isEqualTo("Kubelet stopped posting node status.")));
        assertThat(page.nodes()).filteredOn(NodeView::unschedulable).hasSizeGreaterThanOrEqualTo(4);
        assertThat(page.nodes()).allSatisfy(n -> {
            assertThat(n.name()).startsWith("cn-hangzhou.10.");
            assertThat(n.containerRuntime()).startsWith("containerd://");
            assertThat(n.cpu()).endsWith("m");
            assertThat(n.createdAt()).isNotNull();
            assertThat(n.labels()).containsKey("topology.kubernetes.io/zone");
        });
        assertThat(fleet.nodes(new NodeQuery(null, prod, null, null, "runtime.sig-portal.io/rund=true",
                NodeQuery.NodeSort.NAME, true, 0, 50)).total()).isEqualTo(12);
        assertThat(fleet.nodes(new NodeQuery("demo-", null, null, null, "node-role.kubernetes.io/control-plane",
                NodeQuery.NodeSort.NAME, true, 0, 50)).nodes()).extracting(NodeView::clusterName)
                .containsOnly("demo-shanghai-staging").hasSize(3);

        FleetOverview overview = fleet.overview();
        assertThat(overview.nodes()).isGreaterThanOrEqualTo(300);
        assertThat(overview.byOsImage().keySet()).contains("LifseaOS 2.2", "LifseaOS 2.1", "LifseaOS 2.0",
                "LifseaOS 1.8", "Anolis OS 23.1", "Anolis OS 8.9", "Anolis OS 8.8");
        Map<String, Long> drift = overview.drift().stream().filter(d -> d.node().clusterName().startsWith("demo-"))
                .collect(Collectors.groupingBy(d -> d.node().clusterName(), Collectors.counting()));
        assertThat(drift.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(drift.get("demo-hangzhou-prod")).isEqualTo(page.nodes().stream()
                .filter(n -> !n.osImage().equals("LifseaOS 2.1")).count());
        assertThat(overview.drift()).filteredOn(d -> d.node().clusterName().equals("demo-edge-factories"))
                .allSatisfy(d -> assertThat(d.targetOsImage()).isEqualTo("Anolis OS 8.9"));
    }

    @Test
    void aCordonReachesTheSimulatedServerAndComesBackThroughTheInformer() {
        long prod = cluster("demo-hangzhou-prod").id();
        NodeView node = fleet.nodes(new NodeQuery(null, prod, NodeView.NodeStatus.READY, "LifseaOS 2.0", null,
                NodeQuery.NodeSort.NAME, true, 0, 50)).nodes().stream().filter(n -> !n.unschedulable())
                .findFirst().orElseThrow();
        operations.cordon(prod, node.name());
        try (KubernetesClient k = direct("demo-hangzhou-prod")) {
            assertThat(k.nodes().withName(node.name()).get().getSpec().getUnschedulable()).isTrue();
            Eventually.within(Duration.ofSeconds(10), "the cache sees the cordon",
                    () -> fleet.node(prod, node.name()).orElseThrow().unschedulable());
            operations.uncordon(prod, node.name());
            assertThat(k.nodes().withName(node.name()).get().getSpec().getUnschedulable()).isNotEqualTo(true);
        }
        Eventually.within(Duration.ofSeconds(10), "the cache sees the uncordon",
                () -> !fleet.node(prod, node.name()).orElseThrow().unschedulable());
        assertThat(audit.count(new AuditFilter("operator-demo", "node.cordon", null, null, null, node.name())))
                .isEqualTo(1);
    }

    @Test
    void aDrainEvictsTheNodesWorkloadsAndLeavesItsDaemonSetPods() {
        long prod = cluster("demo-hangzhou-prod").id();
        try (KubernetesClient k = direct("demo-hangzhou-prod")) {
            Set<String> schedulable = fleet.nodes(new NodeQuery(null, prod, NodeView.NodeStatus.READY, null, null,
                            NodeQuery.NodeSort.NAME, true, 0, 500)).nodes().stream()
                    .filter(n -> !n.unschedulable()).map(NodeView::name).collect(Collectors.toSet());
            String node = k.pods().inNamespace("shop").list().getItems().stream()
                    .filter(p -> ownedBy(p, "ReplicaSet") && schedulable.contains(p.getSpec().getNodeName()))
                    .map(p -> p.getSpec().getNodeName()).findFirst().orElseThrow();
            List<Pod> before = k.pods().inAnyNamespace().list(new ListOptionsBuilder()
                    .withFieldSelector("spec.nodeName=" + node).build()).getItems();
            List<String> workloads = before.stream().filter(p -> !ownedBy(p, "DaemonSet"))
                    .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()).toList();
            List<String> daemons = before.stream().filter(p -> ownedBy(p, "DaemonSet"))
                    .map(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName()).toList();
            assertThat(workloads).isNotEmpty();
            assertThat(daemons).hasSize(4);
            try {
                DrainReport report = operations.drain(prod, node, Duration.ofSeconds(10), step -> { });
                assertThat(report.complete()).isTrue();
                assertThat(report.evicted()).containsExactlyInAnyOrderElementsOf(workloads);
                assertThat(report.skipped()).extracting(DrainReport.PodIssue::pod)
                        .containsExactlyInAnyOrderElementsOf(daemons);
                assertThat(k.pods().inAnyNamespace().list(new ListOptionsBuilder()
                        .withFieldSelector("spec.nodeName=" + node).build()).getItems())
                        .allSatisfy(p -> assertThat(ownedBy(p, "DaemonSet")).isTrue()).hasSize(4);
                Eventually.within(Duration.ofSeconds(10), "the drained node is cordoned in the cache",
                        () -> fleet.node(prod, node).orElseThrow().unschedulable());
            } finally {
                operations.uncordon(prod, node);
            }
        }
    }

    @Test
    void aRestartServesTheFleetAgainAndRepointsTheStoredClusters() {
        String before = cluster("demo-shanghai-staging").apiServerUrl();
        // A second start of the demo fleet, as after a restart of the portal: a new server, on a new port.
        DemoFleet restarted = new DemoFleet(new DemoMode(true), true, repository, connector, audit, clock);
        try {
            restarted.start();
            String after = cluster("demo-shanghai-staging").apiServerUrl();
            assertThat(after).isNotEqualTo(before).startsWith("http://127.0.0.1:");
            reopenDemoClusters();
            Eventually.within(Duration.ofSeconds(30), "connected to the new server",
                    () -> demo().stream().allMatch(c -> c.health() == ClusterHealth.CONNECTED)
                            && cluster("demo-shanghai-staging").nodeCount() == 60);
        } finally {
            restarted.stop();
            demoFleet.start(); // back to this context's own server
            reopenDemoClusters();
        }
        assertThat(cluster("demo-shanghai-staging").apiServerUrl()).isEqualTo(before);
    }

    /** What the connector does for every enabled cluster once the application is ready. */
    private void reopenDemoClusters() {
        repository.all().stream().filter(JooqClusterRepository.StoredCluster::demo)
                .forEach(c -> connector.open(c.id(), c.name(), c.credentials()));
    }
}
