package org.sigportal.cluster;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.ApiScope;
import org.sigportal.base.ConcurrentEditException;
import org.sigportal.base.PortalException;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.sigportal.identity.ApiTokenService;
import org.sigportal.identity.SignUpRequest;
import org.sigportal.identity.UserAccountService;
import org.sigportal.support.Eventually;
import org.sigportal.support.H2Database;
import org.sigportal.support.PortalHttpClient;
import org.sigportal.support.TestAccounts;
import org.sigportal.support.TestBedCluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Label and taint edits, bulk operations, the pods and events of a node, and the API server's refusals (403, 409,
 * 422) as readable messages, all against the real API server of the test bed.
 */
@H2Database
class NodeEditingH2Test {

    @Autowired
    ClusterService clusters;
    @Autowired
    FleetService fleet;
    @Autowired
    NodeOperationsService operations;
    @Autowired
    AuditService audit;
    @Autowired
    UserAccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @LocalServerPort
    int port;

    TestBedCluster testbed;
    long id;

    @BeforeEach
    void operator() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "editor-test", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR", "ROLE_ADMIN",
                        "SCOPE_read", "SCOPE_operate")));
        testbed = TestBedCluster.get(clusters);
        id = testbed.id;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private NodeView node(String name) {
        return fleet.node(id, name).orElseThrow();
    }

    /** A real operator account, signed in, with a read token and an operate token. */
    private String[] operatorTokens() {
        String name = TestAccounts.uniqueUsername("ops");
        accounts.signUp(new SignUpRequest(name, "Ops", name + "@example.org", "ops-password-1"));
        var member = accounts.findByUsername(name).orElseThrow();
        accounts.changeRoles(name, member.version(), Set.of("OPERATOR"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER", "ROLE_OPERATOR", "SCOPE_read",
                        "SCOPE_operate")));
        return new String[]{tokens.create("read", Set.of(ApiScope.READ), 1).secret(),
                tokens.create("operate", Set.of(ApiScope.READ, ApiScope.OPERATE), 1).secret()};
    }

    private static String english(PortalException e) {
        return PortalI18NProvider.translate(e.messageKey(), Locale.ENGLISH, e.arguments());
    }

    @Test
    void labelsAreSetAndRemovedAndAStaleEditEndsInAConflictThatOverwritesNothing() {
        String name = "lifsea-node-03";
        NodeView seen = node(name);
        operations.editLabels(id, name, seen.resourceVersion(), Map.of("sig.openanolis.cn/team", "storage"), Set.of());
        Eventually.within(Duration.ofSeconds(10), "the cache sees the new label",
                () -> "storage".equals(node(name).labels().get("sig.openanolis.cn/team")));

        // Someone else's editor still shows the node as it was: its change is refused, not applied.
        assertThatThrownBy(() -> operations.editLabels(id, name, seen.resourceVersion(), Map.of("stale", "yes"),
                Set.of("sig.openanolis.cn/team")))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("nodes.error.changed");
                    assertThat(english(e)).contains(name).contains("409");
                });
        try (KubernetesClient k = testbed.direct()) {
            Map<String, String> labels = k.nodes().withName(name).get().getMetadata().getLabels();
            assertThat(labels).containsEntry("sig.openanolis.cn/team", "storage").doesNotContainKey("stale");
        }

        NodeView now = node(name);
        operations.editLabels(id, name, now.resourceVersion(), Map.of(), Set.of("sig.openanolis.cn/team"));
        Eventually.within(Duration.ofSeconds(10), "the cache sees the label go",
                () -> !node(name).labels().containsKey("sig.openanolis.cn/team"));

        // The API server validates label keys: its 422 reads as a sentence with its reason.
        assertThatThrownBy(() -> operations.editLabels(id, name, null, Map.of("not a key!", "x"), Set.of()))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("clusters.error.invalid");
                    assertThat(english(e)).contains("422").contains("not a key!");
                });
        assertThat(audit.count(new AuditFilter("editor-test", "node.labels", AuditOutcome.SUCCESS, null, null,
                name))).isEqualTo(2);
        assertThat(audit.count(new AuditFilter("editor-test", "node.labels", AuditOutcome.FAILURE, null, null,
                name))).isEqualTo(2);
    }

    @Test
    void taintsAreReplacedAndAnInvalidEffectIsRefusedAsInvalid() {
        String name = "lifsea-node-04";
        NodeView seen = node(name);
        List<NodeView.Taint> original = seen.taints();
        List<NodeView.Taint> wanted = new ArrayList<>(original);
        wanted.add(new NodeView.Taint("sig.openanolis.cn/maintenance", "kernel-upgrade", "NoSchedule"));
        operations.setTaints(id, name, seen.resourceVersion(), wanted);
        try (KubernetesClient k = testbed.direct()) {
            assertThat(k.nodes().withName(name).get().getSpec().getTaints())
                    .anyMatch(t -> t.getKey().equals("sig.openanolis.cn/maintenance")
                            && t.getValue().equals("kernel-upgrade") && t.getEffect().equals("NoSchedule"));
        }
        Eventually.within(Duration.ofSeconds(10), "the cache sees the taint",
                () -> node(name).taints().size() == original.size() + 1);

        assertThatThrownBy(() -> operations.setTaints(id, name, node(name).resourceVersion(),
                List.of(new NodeView.Taint("k", "v", "Sometimes"))))
                .isInstanceOfSatisfying(PortalException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("clusters.error.invalid");
                    assertThat(english(e)).contains("Sometimes");
                });
        assertThatThrownBy(() -> operations.setTaints(id, name, seen.resourceVersion(), original))
                .isInstanceOf(ConcurrentEditException.class);

        operations.setTaints(id, name, node(name).resourceVersion(), original);
        Eventually.within(Duration.ofSeconds(10), "the taints are as before",
                () -> node(name).taints().equals(original));
    }

    @Test
    void credentialsThatMayNotChangeNodesGetAReadable403AndTheAuditSaysDenied() {
        try (KubernetesClient k = testbed.direct()) {
            k.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("portal-viewer")
                    .endMetadata().addNewRule().withApiGroups("").withResources("nodes", "pods", "events")
                    .withVerbs("get", "list", "watch").endRule().build()).serverSideApply();
            k.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                    .withName("portal-viewer").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                    .withKind("ClusterRole").withName("portal-viewer").endRoleRef().addNewSubject()
                    .withApiGroup("rbac.authorization.k8s.io").withKind("User").withName("viewer").endSubject()
                    .build()).serverSideApply();
        }
        ClusterSummary viewer = testbed.registerAs(clusters, "lifsea-viewer", "viewer");
        try {
            Eventually.within(Duration.ofSeconds(20), "the read-only cluster is connected",
                    () -> clusters.list().stream().anyMatch(c -> c.id() == viewer.id()
                            && c.health() == ClusterHealth.CONNECTED && c.nodeCount() == 12));
            assertThatThrownBy(() -> operations.cordon(viewer.id(), "lifsea-node-01"))
                    .isInstanceOfSatisfying(PortalException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("clusters.error.forbidden");
                        assertThat(english(e)).contains("403").contains("cannot patch resource \"nodes\"");
                    });
            assertThatThrownBy(() -> operations.editLabels(viewer.id(), "lifsea-node-01", null, Map.of("a", "b"),
                    Set.of())).isInstanceOfSatisfying(PortalException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("clusters.error.forbidden"));
            assertThat(audit.count(new AuditFilter("editor-test", null, AuditOutcome.DENIED, null, null,
                    viewer.id() + "/lifsea-node-01"))).isEqualTo(2);
            assertThat(node("lifsea-node-01").unschedulable()).isFalse();
        } finally {
            ClusterSummary now = clusters.list().stream().filter(c -> c.id() == viewer.id()).findFirst().orElseThrow();
            clusters.remove(viewer.id(), now.version());
        }
    }

    @Test
    void aBulkOperationReportsEachNodeAndOneRefusalDoesNotStopTheRest() {
        List<BulkOperation.NodeRef> refs = List.of(new BulkOperation.NodeRef(id, "lifsea-node-07"),
                new BulkOperation.NodeRef(id, "no-such-node"), new BulkOperation.NodeRef(id, "lifsea-node-08"));
        List<BulkResult.NodeResult> heard = new CopyOnWriteArrayList<>();
        BulkResult added = operations.bulk(new BulkOperation(BulkOperation.Kind.ADD_LABELS, refs,
                Map.of("pool", "batch"), null, null, null), heard::add);
        assertThat(heard).hasSize(3);
        assertThat(added.results()).extracting(BulkResult.NodeResult::node)
                .containsExactly("lifsea-node-07", "no-such-node", "lifsea-node-08");
        assertThat(added.results()).extracting(BulkResult.NodeResult::succeeded).containsExactly(true, false, true);
        assertThat(added.results().get(1).errorKey()).isEqualTo("nodes.error.not-found");
        Eventually.within(Duration.ofSeconds(10), "both nodes carry the label",
                () -> "batch".equals(node("lifsea-node-07").labels().get("pool"))
                        && "batch".equals(node("lifsea-node-08").labels().get("pool")));

        NodeView.Taint taint = new NodeView.Taint("sig.openanolis.cn/drain-soon", "", "PreferNoSchedule");
        BulkResult tainted = operations.bulk(new BulkOperation(BulkOperation.Kind.ADD_TAINT, refs, null, null, taint,
                null), r -> { });
        assertThat(tainted.succeeded()).isEqualTo(2);
        Eventually.within(Duration.ofSeconds(10), "both nodes carry the taint",
                () -> node("lifsea-node-07").taints().stream().anyMatch(t -> t.key().equals(taint.key()))
                        && node("lifsea-node-08").taints().stream().anyMatch(t -> t.key().equals(taint.key())));
        assertThat(operations.bulk(new BulkOperation(BulkOperation.Kind.REMOVE_TAINT, refs, null, null, taint,
                null), r -> { }).succeeded()).isEqualTo(2);
        assertThat(operations.bulk(new BulkOperation(BulkOperation.Kind.REMOVE_LABELS, refs, null, List.of("pool"),
                null, null), r -> { }).succeeded()).isEqualTo(2);
        Eventually.within(Duration.ofSeconds(10), "label and taint are gone again",
                () -> !node("lifsea-node-07").labels().containsKey("pool")
                        && node("lifsea-node-08").taints().stream().noneMatch(t -> t.key().equals(taint.key())));
        assertThat(audit.count(new AuditFilter("editor-test", "node.labels", AuditOutcome.SUCCESS, null, null,
                "lifsea-node-07"))).isEqualTo(2);

        assertThatThrownBy(() -> operations.bulk(BulkOperation.of(BulkOperation.Kind.CORDON, List.of()), r -> { }))
                .isInstanceOfSatisfying(PortalException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("nodes.error.bulk-empty"));
    }

    @Test
    void theRestApiEditsLabelsAndRunsBulkOperationsWithPerNodeResults() {
        String[] issued = operatorTokens();
        String read = issued[0];
        String operate = issued[1];
        PortalHttpClient client = new PortalHttpClient(port);

        String bulk = """
                {"kind":"CORDON","nodes":[{"cluster":%d,"node":"lifsea-node-10"},{"cluster":%d,"node":"ghost"}]}"""
                .formatted(id, id);
        assertThat(client.withToken("POST", "/api/v1/nodes/bulk", read, bulk).statusCode()).isEqualTo(403);
        var answer = client.withToken("POST", "/api/v1/nodes/bulk", operate, bulk);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"succeeded\":1").contains("\"failed\":1")
                .contains("no longer exists");
        Eventually.within(Duration.ofSeconds(10), "cordoned", () -> node("lifsea-node-10").unschedulable());
        // The node as read now; the uncordon below makes this version stale.
        String stale = node("lifsea-node-10").resourceVersion();
        client.withToken("POST", "/api/v1/nodes/bulk", operate, bulk.replace("CORDON", "UNCORDON"));
        Eventually.within(Duration.ofSeconds(10), "uncordoned", () -> !node("lifsea-node-10").unschedulable());

        String labels = "/api/v1/clusters/" + id + "/nodes/lifsea-node-10/labels";
        assertThat(client.withToken("PATCH", labels, operate, """
                {"set":{"rest":"yes"},"resourceVersion":"%s"}""".formatted(stale)).statusCode()).isEqualTo(409);
        assertThat(client.withToken("PATCH", labels, operate, """
                {"set":{"rest":"yes"}}""").statusCode()).isEqualTo(204);
        var invalid = client.withToken("PATCH", labels, operate, """
                {"set":{"no good":"x"}}""");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("422").contains("no good");
        assertThat(client.withToken("PATCH", labels, operate, """
                {"remove":["rest"]}""").statusCode()).isEqualTo(204);
        assertThat(client.withToken("PUT", "/api/v1/clusters/" + id + "/nodes/lifsea-node-10/taints", operate, """
                {"taints":[]}""").statusCode()).isEqualTo(400);
    }

    @Test
    void aNodesPodsAndRecentEventsComeFromTheCache() {
        Pod confidential;
        try (KubernetesClient k = testbed.direct()) {
            confidential = k.pods().inNamespace("demo").withName("confidential-inference").get();
            k.v1().events().inNamespace("default").resource(new EventBuilder().withNewMetadata()
                    .withName("lifsea-node-02.kernel").withNamespace("default").endMetadata()
                    .withNewInvolvedObject().withKind("Node").withName("lifsea-node-02").endInvolvedObject()
                    .withType("Normal").withReason("OSImageUpdated")
                    .withMessage("LifseaOS image switched to 2.0 after reboot").withCount(1)
                    .withLastTimestamp(Instant.now().toString()).withNewSource().withComponent("lifsea-agent")
                    .endSource().build()).create();
        }
        String host = confidential.getSpec().getNodeName();
        List<PodView> pods = fleet.pods(id, host);
        assertThat(pods).anySatisfy(p -> {
            assertThat(p.key()).isEqualTo("demo/confidential-inference");
            assertThat(p.runtimeClass()).isEqualTo(confidential.getSpec().getRuntimeClassName()).isNotBlank();
        });
        assertThat(fleet.pods(id, "lifsea-node-09")).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("node-exporter-7xk2p");
            assertThat(p.ownerKind()).isEqualTo("DaemonSet");
            assertThat(p.staysOnDrain()).isTrue();
        });
        Eventually.within(Duration.ofSeconds(10), "the node event reaches the cache",
                () -> fleet.events(id, "lifsea-node-02").stream().anyMatch(e -> e.reason().equals("OSImageUpdated")));

        String read = operatorTokens()[0];
        PortalHttpClient client = new PortalHttpClient(port);
        assertThat(client.withToken("GET", "/api/v1/clusters/" + id + "/nodes/" + host + "/pods", read, null).body())
                .contains("confidential-inference");
        assertThat(client.withToken("GET", "/api/v1/clusters/" + id + "/nodes/lifsea-node-02/events", read, null)
                .body()).contains("LifseaOS image switched to 2.0 after reboot");
    }

    @Test
    void theRestApiIsDescribedByOpenApi() {
        PortalHttpClient client = new PortalHttpClient(port);
        var docs = client.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/v1/nodes/bulk\"")
                .contains("\"/api/v1/clusters/{cluster}/nodes/{node}/labels\"")
                .contains("\"/api/v1/fleet/overview\"").contains("\"bearer\"");
        assertThat(client.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
