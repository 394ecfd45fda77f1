package org.sigportal.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditService;
import org.sigportal.base.ApiScope;
import org.sigportal.base.PortalException;
import org.sigportal.identity.ApiTokenService;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.Eventually;
import org.sigportal.support.H2Database;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.TcpProxy;
import org.sigportal.support.TestAccounts;
import org.sigportal.support.TestBed;
import org.sigportal.support.TestBedCluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fleet against a real kube-apiserver (the test bed): registration with live validation, the informer cache,
 * the overview with drift, cordon and uncordon, the REST API with tokens, and an API server that goes away.
 */
@H2Database
class FleetH2Test {

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
    UserAccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @LocalServerPort
    int port;

    static TestBed bed;
    static TcpProxy proxy;
    static long clusterId = -1;
    static TestBedCluster testbed;

    @BeforeEach
    void operatorWithACluster() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "operator-test", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR", "ROLE_ADMIN",
                        "SCOPE_read", "SCOPE_operate")));
        testbed = TestBedCluster.get(clusters);
        bed = testbed.bed;
        proxy = testbed.proxy;
        clusterId = testbed.id;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private KubernetesClient direct() {
        return testbed.direct();
    }

    @Test
    void registrationDiscoversTheServerAndStoresCredentialsEncrypted() {
        ClusterSummary summary = clusters.list().stream().filter(c -> c.id() == clusterId).findFirst().orElseThrow();
        assertThat(summary.kubernetesVersion()).isEqualTo("v1.20.2");
        assertThat(summary.apiVersions()).contains("v1", "node.k8s.io/v1", "storage.k8s.io/v1");
        assertThat(summary.apiVersions()).doesNotContain("policy/v1");
        Eventually.within(Duration.ofSeconds(10), "connected",
                () -> clusters.list().stream().anyMatch(c -> c.id() == clusterId
                        && c.health() == ClusterHealth.CONNECTED));
        String stored = jdbc.queryForObject("SELECT credentials FROM cluster WHERE id = ?", String.class, clusterId);
        assertThat(stored).startsWith("v1:").doesNotContain(bed.env("TESTBED_TOKEN"));
        assertThat(audit.count(new AuditFilter("operator-test", "cluster.register", null, null, null, "testbed")))
                .isEqualTo(1);
    }

    @Test
    void aWrongTokenIsRefusedAsUnauthorisedAndNothingIsStored() {
        String kubeconfig = bed.kubeconfig().replace(bed.env("TESTBED_TOKEN"), "not-the-token");
        assertThatThrownBy(() -> clusters.register(new ClusterRegistration.FromKubeconfig("wrong-token", kubeconfig,
                "sig-portal-testbed")))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("clusters.error.unauthorised"));
        assertThat(clusters.list()).noneMatch(c -> c.name().equals("wrong-token"));
    }

    @Test
    void aClusterIsRenamedAndGetsNewCredentialsOnlyAfterTheyAreValidated() throws Exception {
        ClusterSummary added = testbed.registerAs(clusters, "lifsea-edit", "admin");
        String ca = java.nio.file.Files.readString(java.nio.file.Path.of(bed.env("TESTBED_CA_FILE")));
        try {
            assertThatThrownBy(() -> clusters.edit(added.id(), added.version(), new ClusterRegistration.FromToken(
                    "lifsea-renamed", bed.env("TESTBED_SERVER"), "not-the-token", ca, false)))
                    .isInstanceOfSatisfying(PortalException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("clusters.error.unauthorised"));
            ClusterSummary renamed = clusters.edit(added.id(), added.version(), new ClusterRegistration.FromToken(
                    "lifsea-renamed", bed.env("TESTBED_SERVER"), bed.token("revocable"), ca, false));
            assertThat(renamed.name()).isEqualTo("lifsea-renamed");
            assertThat(renamed.version()).isEqualTo(added.version() + 1);
            assertThatThrownBy(() -> clusters.edit(added.id(), added.version(), new ClusterRegistration.FromToken(
                    "lifsea-again", bed.env("TESTBED_SERVER"), bed.token("admin"), ca, false)))
                    .isInstanceOf(org.sigportal.base.ConcurrentEditException.class);
            Eventually.within(Duration.ofSeconds(20), "reconnected with the new credentials",
                    () -> clusters.list().stream().anyMatch(c -> c.id() == added.id()
                            && c.health() == ClusterHealth.CONNECTED && c.nodeCount() == 12));
            assertThat(jdbc.queryForObject("SELECT credentials FROM cluster WHERE id = ?", String.class, added.id()))
                    .doesNotContain(bed.token("revocable"));
            assertThat(audit.count(new AuditFilter("operator-test", "cluster.edit", null, null, null,
                    "lifsea-renamed"))).isEqualTo(1);
        } finally {
            ClusterSummary now = clusters.list().stream().filter(c -> c.id() == added.id()).findFirst().orElseThrow();
            clusters.remove(added.id(), now.version());
        }
    }

    @Test
    void theOverviewCountsOsImagesAndShowsDriftFromTheTarget() {
        ClusterSummary summary = clusters.list().stream().filter(c -> c.id() == clusterId).findFirst().orElseThrow();
        clusters.setTargetOsImage(clusterId, summary.version(), "LifseaOS 2.0 (Rust)");
        try {
            FleetOverview overview = fleet.overview(clusterId);
            assertThat(overview.nodes()).isEqualTo(12);
            assertThat(overview.notReady()).isEqualTo(2);
            assertThat(overview.byOsImage()).containsEntry("LifseaOS 2.0 (Rust)", 4)
                    .containsEntry("LifseaOS 1.8", 4).containsEntry("Anolis OS 8.8", 4);
            assertThat(overview.drift()).hasSize(8)
                    .allSatisfy(d -> assertThat(d.node().osImage()).isNotEqualTo("LifseaOS 2.0 (Rust)"));
            // Each OS image's count split by cluster, in the order of the counts.
            assertThat(overview.byOsImageAndCluster().keySet()).containsExactlyElementsOf(overview.byOsImage().keySet());
            assertThat(overview.byOsImageAndCluster().get("Anolis OS 8.8")).containsExactly(Map.entry("testbed", 4));
        } finally {
            ClusterSummary now = clusters.list().stream().filter(c -> c.id() == clusterId).findFirst().orElseThrow();
            clusters.setTargetOsImage(clusterId, now.version(), "");
        }
    }

    @Test
    void theNodeGridFiltersSortsAndPagesOnTheServer() {
        NodePage zoneA = fleet.nodes(new NodeQuery(null, clusterId, null, null,
                "topology.kubernetes.io/zone in (cn-hangzhou-a)", NodeQuery.NodeSort.NAME, true, 0, 50));
        assertThat(zoneA.total()).isEqualTo(4);
        assertThat(zoneA.nodes()).extracting(NodeView::name)
                .containsExactly("lifsea-node-01", "lifsea-node-04", "lifsea-node-07", "lifsea-node-10");

        NodePage page = fleet.nodes(new NodeQuery("lifsea", clusterId, null, null, null, NodeQuery.NodeSort.NAME, false,
                2, 3));
        assertThat(page.total()).isEqualTo(12);
        assertThat(page.nodes()).extracting(NodeView::name)
                .containsExactly("lifsea-node-10", "lifsea-node-09", "lifsea-node-08");

        NodePage notReady = fleet.nodes(new NodeQuery(null, clusterId, NodeView.NodeStatus.NOT_READY, null, null,
                NodeQuery.NodeSort.NAME, true, 0, 50));
        assertThat(notReady.nodes()).extracting(NodeView::name).containsExactly("lifsea-node-06");
        NodeView node = fleet.node(clusterId, "lifsea-node-03").orElseThrow();
        assertThat(node.kernelVersion()).isNotBlank();
        assertThat(node.containerRuntime()).startsWith("containerd://");

        assertThatThrownBy(() -> fleet.nodes(new NodeQuery(null, null, null, null, "zone ~ a",
                NodeQuery.NodeSort.NAME, true, 0, 10))).isInstanceOf(PortalException.class);
    }

    @Test
    void theNodeGridFiltersByOsImageSortsByAgeAndCountsThePodsOnEachNode() {
        assertThat(fleet.osImages()).contains("LifseaOS 2.0 (Rust)", "LifseaOS 1.8", "Anolis OS 8.8")
                .isSorted().doesNotHaveDuplicates();
        NodePage anolis = fleet.nodes(new NodeQuery(null, clusterId, null, "Anolis OS 8.8", null,
                NodeQuery.NodeSort.NAME, true, 0, 50));
        assertThat(anolis.total()).isEqualTo(4);
        assertThat(anolis.nodes()).allSatisfy(n -> assertThat(n.osImage()).isEqualTo("Anolis OS 8.8"));

        // Age ascending is youngest first; descending is its exact reverse.
        List<NodeView> young = fleet.nodes(new NodeQuery(null, clusterId, null, null, null, NodeQuery.NodeSort.AGE,
                true, 0, 50)).nodes();
        List<NodeView> old = fleet.nodes(new NodeQuery(null, clusterId, null, null, null, NodeQuery.NodeSort.AGE,
                false, 0, 50)).nodes();
        assertThat(young).extracting(NodeView::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(old).containsExactlyElementsOf(young.reversed());

        // The pods on each node of the page (not the node's capacity): the same as the node's own pod list.
        Eventually.within(Duration.ofSeconds(20), "the pods are listed", () -> fleet.podsKnown(clusterId));
        NodePage page = fleet.nodes(new NodeQuery(null, clusterId, null, null, null, NodeQuery.NodeSort.NAME, true,
                0, 50));
        assertThat(page.podsOnNode()).hasSize(12);
        page.nodes().forEach(n -> assertThat(page.podsOnNode().get(n.key()))
                .as(n.name()).isEqualTo(fleet.pods(clusterId, n.name()).size()));
        // lifsea-node-09 keeps web-0 (disruption budget) and its DaemonSet pod even after a drain.
        assertThat(page.podsOnNode().get(clusterId + "/lifsea-node-09")).isGreaterThanOrEqualTo(2)
                .isNotEqualTo(Integer.parseInt(fleet.node(clusterId, "lifsea-node-09").orElseThrow().pods()));
        // Only the requested page is counted.
        NodePage two = fleet.nodes(new NodeQuery(null, clusterId, null, null, null, NodeQuery.NodeSort.NAME, true,
                0, 2));
        assertThat(two.podsOnNode().keySet()).containsExactlyInAnyOrder(clusterId + "/lifsea-node-01",
                clusterId + "/lifsea-node-02");
    }

    @Test
    void cordonAndUncordonReachTheApiServerAndTheCache() {
        operations.cordon(clusterId, "lifsea-node-05");
        try (KubernetesClient k = direct()) {
            assertThat(k.nodes().withName("lifsea-node-05").get().getSpec().getUnschedulable()).isTrue();
        }
        Eventually.within(Duration.ofSeconds(10), "the cache sees the cordon",
                () -> fleet.node(clusterId, "lifsea-node-05").orElseThrow().unschedulable());
        assertThat(fleet.node(clusterId, "lifsea-node-05").orElseThrow().unschedulable()).isTrue();

        operations.uncordon(clusterId, "lifsea-node-05");
        Eventually.within(Duration.ofSeconds(10), "the cache sees the uncordon",
                () -> !fleet.node(clusterId, "lifsea-node-05").orElseThrow().unschedulable());
        assertThat(audit.count(new AuditFilter("operator-test", "node.cordon", null, null, null, "lifsea-node-05")))
                .isEqualTo(1);

        assertThatThrownBy(() -> operations.cordon(clusterId, "no-such-node"))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("nodes.error.not-found"));
    }

    @Test
    void drainEvictsPodsRespectsDisruptionBudgetsAndSkipsDaemonSets() {
        DrainReport report = operations.drain(clusterId, "lifsea-node-09", Duration.ofSeconds(2), step -> { });

        assertThat(report.skipped()).extracting(DrainReport.PodIssue::pod).containsExactly("demo/node-exporter-7xk2p");
        assertThat(report.refused()).extracting(DrainReport.PodIssue::pod).containsExactly("demo/web-0");
        assertThat(report.refused().getFirst().reason()).containsIgnoringCase("disruption budget");
        assertThat(report.complete()).isFalse();
        Eventually.within(Duration.ofSeconds(10), "the drained node is cordoned",
                () -> fleet.node(clusterId, "lifsea-node-09").orElseThrow().unschedulable());
        try (KubernetesClient k = direct()) {
            assertThat(k.pods().inNamespace("demo").withName("web-0").get()).isNotNull();
            assertThat(k.pods().inNamespace("demo").withName("node-exporter-7xk2p").get().getMetadata()
                    .getDeletionTimestamp()).isNull();
        }

        DrainReport other = operations.drain(clusterId, "lifsea-node-05", Duration.ofSeconds(2), step -> { });
        // Evicted: without a kubelet the pod keeps terminating, which the report says.
        assertThat(other.stillTerminating()).containsExactly("demo/sandboxed-build");
        assertThat(other.refused()).extracting(DrainReport.PodIssue::pod).containsExactly("demo/web-1");
        try (KubernetesClient k = direct()) {
            assertThat(k.pods().inNamespace("demo").withName("sandboxed-build").get().getMetadata()
                    .getDeletionTimestamp()).isNotNull();
        }
        assertThat(audit.count(new AuditFilter("operator-test", "node.drain", null, null, null, "lifsea-node-05")))
                .isEqualTo(1);
        operations.uncordon(clusterId, "lifsea-node-09");
        operations.uncordon(clusterId, "lifsea-node-05");
    }

    @Test
    void membersWithoutTheOperatorRoleCannotOperate() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "member-test", null, AuthorityUtils.createAuthorityList("ROLE_MEMBER", "SCOPE_read",
                        "SCOPE_operate")));
        assertThatThrownBy(() -> operations.cordon(clusterId, "lifsea-node-01"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fleet.overview(clusterId).nodes()).isEqualTo(12);
    }

    @Test
    void theRestApiUsesTheSameRulesWithTokens() {
        String name = TestAccounts.uniqueUsername("ops");
        accounts.signUp(new SignUpRequest(name, "Ops", name + "@example.org", "ops-password-1"));
        var member = accounts.findByUsername(name).orElseThrow();
        accounts.changeRoles(name, member.version(), Set.of("OPERATOR"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER", "ROLE_OPERATOR", "SCOPE_read",
                        "SCOPE_operate", "SCOPE_community-write")));
        String read = tokens.create("read", Set.of(ApiScope.READ), 1).secret();
        String operate = tokens.create("operate", Set.of(ApiScope.READ, ApiScope.OPERATE), 1).secret();
        PortalHttpClient client = new PortalHttpClient(port);

        var nodes = client.withToken("GET", "/api/v1/nodes?labelSelector=topology.kubernetes.io/zone%3Dcn-hangzhou-b",
                read, null);
        assertThat(nodes.statusCode()).isEqualTo(200);
        assertThat(nodes.body()).contains("\"total\":4").contains("lifsea-node-02");
        assertThat(client.withToken("GET", "/api/v1/fleet/overview?cluster=" + clusterId, read, null).body())
                .contains("\"nodes\":12");
        assertThat(client.withToken("GET", "/api/v1/clusters", read, null).body()).contains("testbed")
                .doesNotContain(bed.env("TESTBED_TOKEN"));

        String cordon = "/api/v1/clusters/" + clusterId + "/nodes/lifsea-node-11/cordon";
        assertThat(client.withToken("POST", cordon, read, null).statusCode()).isEqualTo(403);
        assertThat(client.withToken("POST", cordon, operate, null).statusCode()).isEqualTo(204);
        assertThat(client.withToken("POST", "/api/v1/clusters/" + clusterId + "/nodes/lifsea-node-11/uncordon",
                operate, null).statusCode()).isEqualTo(204);
        assertThat(client.withToken("POST", "/api/v1/clusters/" + clusterId + "/nodes/nope/cordon", operate, null)
                .body()).contains("no longer exists");

        assertThat(client.withToken("PUT", "/api/v1/fleet/target-os-image", read,
                "{\"osImage\":\"Anolis OS 8.8\"}").statusCode()).isEqualTo(403);
        assertThat(client.withToken("PUT", "/api/v1/fleet/target-os-image", operate,
                "{\"osImage\":\"Anolis OS 8.8\"}").statusCode()).isEqualTo(204);
        try {
            assertThat(client.withToken("GET", "/api/v1/fleet/overview", read, null).body())
                    .contains("\"targetOsImage\":\"Anolis OS 8.8\"");
            assertThat(fleet.overview(clusterId).drift()).hasSize(8);
        } finally {
            client.withToken("PUT", "/api/v1/fleet/target-os-image", operate, "{\"osImage\":\"\"}");
        }
        assertThat(fleet.overview(clusterId).drift()).isEmpty();
    }

    @Test
    void aClusterThatGoesAwayTurnsUnreachableAndRecoversByItself() {
        Eventually.within(Duration.ofSeconds(10), "connected first",
                () -> health() == ClusterHealth.CONNECTED);
        proxy.stop();
        try {
            Eventually.within(Duration.ofSeconds(10), "unreachable within 10 s",
                    () -> health() == ClusterHealth.UNREACHABLE);
            // Reads keep working from the cache while the cluster is away.
            assertThat(fleet.overview(clusterId).nodes()).isEqualTo(12);
        } finally {
            proxy.start();
        }
        Eventually.within(Duration.ofSeconds(30), "connected again", () -> health() == ClusterHealth.CONNECTED);
        try (KubernetesClient k = direct()) {
            k.nodes().withName("lifsea-node-12").edit(n -> {
                n.getMetadata().getLabels().put("recovered", "yes");
                return n;
            });
        }
        Eventually.within(Duration.ofSeconds(20), "changes flow again after recovery",
                () -> "yes".equals(fleet.node(clusterId, "lifsea-node-12").orElseThrow().labels().get("recovered")));
    }

    @Test
    void anApiServerThatStopsIsUnreachableAndOneThatNoLongerAcceptsTheTokenIsUnauthorised() {
        ClusterSummary revocable = testbed.registerAs(clusters, "lifsea-revocable", "revocable");
        try {
            Eventually.within(Duration.ofSeconds(20), "both connected first", () -> health() == ClusterHealth.CONNECTED
                    && health(revocable.id()) == ClusterHealth.CONNECTED);
            bed.stopApiServer();
            try {
                Eventually.within(Duration.ofSeconds(10), "unreachable within 10 s of the API server stopping",
                        () -> health() == ClusterHealth.UNREACHABLE
                                && health(revocable.id()) == ClusterHealth.UNREACHABLE);
                // The portal stays responsive: reads come from the cache, operations say why they cannot run.
                assertThat(fleet.overview(clusterId).nodes()).isEqualTo(12);
                assertThat(fleet.pods(clusterId, "lifsea-node-09")).isNotEmpty();
                assertThatThrownBy(() -> operations.cordon(revocable.id(), "lifsea-node-01"))
                        .isInstanceOfSatisfying(PortalException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("clusters.error.unreachable"));
            } finally {
                // It comes back without the revocable user's token.
                bed.startApiServer("revocable");
            }
            Eventually.within(Duration.ofSeconds(30), "connected again", () -> health() == ClusterHealth.CONNECTED);
            Eventually.within(Duration.ofSeconds(10), "the revoked credentials show as unauthorised",
                    () -> health(revocable.id()) == ClusterHealth.UNAUTHORISED);
            try (KubernetesClient k = direct()) {
                k.nodes().withName("lifsea-node-11").edit(n -> {
                    n.getMetadata().getLabels().put("restarted", "yes");
                    return n;
                });
            }
            Eventually.within(Duration.ofSeconds(20), "changes flow again after the restart",
                    () -> "yes".equals(fleet.node(clusterId, "lifsea-node-11").orElseThrow().labels().get("restarted")));

            bed.stopApiServer();
            bed.startApiServer();
            Eventually.within(Duration.ofSeconds(30), "the restored token works again without a portal restart",
                    () -> health(revocable.id()) == ClusterHealth.CONNECTED && health() == ClusterHealth.CONNECTED);
        } finally {
            ClusterSummary now = clusters.list().stream().filter(c -> c.id() == revocable.id()).findFirst()
                    .orElseThrow();
            clusters.remove(revocable.id(), now.version());
        }
    }

    private ClusterHealth health() {
        return health(clusterId);
    }

    private ClusterHealth health(long id) {
        List<ClusterSummary> list = clusters.list();
        return list.stream().filter(c -> c.id() == id).findFirst().orElseThrow().health();
    }
}
