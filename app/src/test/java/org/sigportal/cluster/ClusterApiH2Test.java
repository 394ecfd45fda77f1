package org.sigportal.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.audit.AuditFilter;
import org.sigportal.audit.AuditService;
import org.sigportal.base.ApiScope;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster registry over REST against the real API server of the test bed: register, read, disable, enable and
 * remove with the status codes a client can act on, the same audit entries as the views, and a drain whose API
 * server goes away half-way still ends in a report.
 */
@H2Database
class ClusterApiH2Test {

    @Autowired
    ClusterService clusters;
    @Autowired
    NodeOperationsService operations;
    @Autowired
    FleetService fleet;
    @Autowired
    AuditService audit;
    @Autowired
    UserAccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    TestBedCluster testbed;
    PortalHttpClient client;
    String operate;
    String read;
    String operator;

    @BeforeEach
    void operatorWithTokens() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "cluster-api-test", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR", "ROLE_ADMIN",
                        "SCOPE_read", "SCOPE_operate")));
        testbed = TestBedCluster.get(clusters);
        operator = TestAccounts.uniqueUsername("regops");
        accounts.signUp(new SignUpRequest(operator, "Registry Ops", operator + "@example.org", "ops-password-1"));
        accounts.changeRoles(operator, accounts.findByUsername(operator).orElseThrow().version(), Set.of("OPERATOR"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                operator, null, AuthorityUtils.createAuthorityList("ROLE_MEMBER", "ROLE_OPERATOR", "SCOPE_read",
                        "SCOPE_operate", "SCOPE_community-write", "ROLE_ADMIN")));
        // (ROLE_ADMIN here only lets the test read the audit trail; the tokens carry the account's own roles.)
        read = tokens.create("read", Set.of(ApiScope.READ), 1).secret();
        operate = tokens.create("operate", Set.of(ApiScope.READ, ApiScope.OPERATE), 1).secret();
        client = new PortalHttpClient(port);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aClusterIsRegisteredDisabledEnabledAndRemovedOverRest() throws Exception {
        String kubeconfig = testbed.bed.kubeconfig();
        String body = "{\"name\":\"rest-registered\",\"kubeconfig\":" + json(kubeconfig) + "}";

        assertThat(client.withToken("POST", "/api/v1/clusters", read, body).statusCode()).isEqualTo(403);
        HttpResponse<String> created = client.withToken("POST", "/api/v1/clusters", operate, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .matches("/api/v1/clusters/\\d+"));
        assertThat(created.body()).contains("\"kubernetesVersion\":\"v1.20.2\"")
                .doesNotContain(testbed.bed.env("TESTBED_TOKEN"));
        long id = number(created.body(), "id");
        assertThat(jdbc.queryForObject("SELECT credentials FROM cluster WHERE id = ?", String.class, id))
                .doesNotContain(testbed.bed.env("TESTBED_TOKEN"));
        assertThat(audit.count(new AuditFilter(operator, "cluster.register", null, null, null, "rest-registered")))
                .isEqualTo(1);

        String path = "/api/v1/clusters/" + id;
        Eventually.within(Duration.ofSeconds(20), "the new cluster is connected", () -> client
                .withToken("GET", path, read, null).body().contains("\"health\":\"CONNECTED\""));
        assertThat(client.withToken("POST", "/api/v1/clusters", operate, body).statusCode())
                .as("the name is taken").isEqualTo(400);

        int version = (int) number(client.withToken("GET", path, read, null).body(), "version");
        HttpResponse<String> stale = client.withToken("PUT", path + "/enabled?version=" + (version + 5), operate,
                "{\"enabled\":false}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(client.withToken("PUT", path + "/enabled?version=" + version, operate, "{\"enabled\":false}")
                .statusCode()).isEqualTo(204);
        assertThat(client.withToken("GET", path, read, null).body()).contains("\"health\":\"DISABLED\"");
        // A disabled cluster has no connection: an operation on it says so with 503, not a server fault.
        HttpResponse<String> cordon = client.withToken("POST", path + "/nodes/lifsea-node-01/cordon", operate, null);
        assertThat(cordon.statusCode()).isEqualTo(503);
        assertThat(cordon.body()).contains("\"error\":\"unavailable\"");
        assertThat(audit.count(new AuditFilter(operator, "cluster.disable", null, null, null, "rest-registered")))
                .isEqualTo(1);

        assertThat(client.withToken("PUT", path + "/enabled?version=" + (version + 1), operate, "{\"enabled\":true}")
                .statusCode()).isEqualTo(204);
        Eventually.within(Duration.ofSeconds(20), "connected again after enabling", () -> client
                .withToken("GET", path, read, null).body().contains("\"health\":\"CONNECTED\""));

        assertThat(client.withToken("DELETE", path + "?version=" + (version + 2), read, null).statusCode())
                .isEqualTo(403);
        assertThat(client.withToken("DELETE", path + "?version=" + (version + 2), operate, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> gone = client.withToken("GET", path, read, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("No such cluster");
        assertThat(audit.count(new AuditFilter(operator, "cluster.remove", null, null, null, "rest-registered")))
                .isEqualTo(1);
    }

    @Test
    void aRegistrationTheClusterRefusesIs422AndOneThatWouldRunACommandIs400() throws Exception {
        String ca = Files.readString(Path.of(testbed.bed.env("TESTBED_CA_FILE")));
        HttpResponse<String> wrongToken = client.withToken("POST", "/api/v1/clusters", operate,
                "{\"name\":\"rest-wrong\",\"apiServerUrl\":" + json(testbed.bed.env("TESTBED_SERVER"))
                        + ",\"token\":\"not-the-token\",\"caCertificatePem\":" + json(ca) + "}");
        assertThat(wrongToken.statusCode()).isEqualTo(422);
        assertThat(wrongToken.body()).contains("\"error\":\"unprocessable\"").doesNotContain("not-the-token");

        HttpResponse<String> badAddress = client.withToken("POST", "/api/v1/clusters", operate,
                "{\"name\":\"rest-bad-address\",\"apiServerUrl\":\"https://[::1\",\"token\":\"t\","
                        + "\"skipTlsVerify\":true}");
        assertThat(badAddress.statusCode()).isBetween(400, 422);
        assertThat(badAddress.body()).doesNotContain("\"internal\"");

        String exec = testbed.bed.kubeconfig().replaceFirst("(?m)^(\\s+)token: .*$",
                "$1exec:\n$1  command: /bin/sh\n$1  apiVersion: client.authentication.k8s.io/v1beta1");
        HttpResponse<String> refused = client.withToken("POST", "/api/v1/clusters", operate,
                "{\"name\":\"rest-exec\",\"kubeconfig\":" + json(exec) + "}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("command");
        assertThat(clusters.list()).noneMatch(c -> c.name().startsWith("rest-wrong") || c.name().equals("rest-exec")
                || c.name().equals("rest-bad-address"));
    }

    @Test
    void theApiServersRefusalsKeepTheirMeaningAndMalformedBulkRequestsAre400() {
        long id = testbed.id;
        String labels = "/api/v1/clusters/" + id + "/nodes/lifsea-node-03/labels";
        HttpResponse<String> invalid = client.withToken("PATCH", labels, operate, "{\"set\":{\"no good\":\"x\"}}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("no good");
        HttpResponse<String> missing = client.withToken("POST", "/api/v1/clusters/" + id
                + "/nodes/no-such-node/cordon", operate, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(client.withToken("GET", "/api/v1/clusters/987654", read, null).statusCode()).isEqualTo(404);

        HttpResponse<String> nullNode = client.withToken("POST", "/api/v1/nodes/bulk", operate,
                "{\"kind\":\"CORDON\",\"nodes\":[null]}");
        assertThat(nullNode.statusCode()).isEqualTo(400);
        assertThat(nullNode.body()).contains("cluster and name");
        HttpResponse<String> nullKey = client.withToken("POST", "/api/v1/nodes/bulk", operate,
                "{\"kind\":\"REMOVE_LABELS\",\"nodes\":[{\"cluster\":" + id + ",\"node\":\"lifsea-node-03\"}],"
                        + "\"labelKeys\":[null]}");
        assertThat(nullKey.statusCode()).isEqualTo(400);
        assertThat(fleet.node(id, "lifsea-node-03").orElseThrow().unschedulable()).isFalse();
    }

    @Test
    void aDrainWhoseApiServerGoesAwayHalfWayStillEndsInAReport() {
        long id = testbed.id;
        Eventually.within(Duration.ofSeconds(20), "connected first", () -> clusters.get(id).health()
                == ClusterHealth.CONNECTED);
        DrainReport report;
        try {
            report = operations.drain(id, "lifsea-node-09", Duration.ofSeconds(5), step -> {
                if (step.kind() == DrainStep.Kind.CORDONED) {
                    testbed.proxy.stop();
                }
            });
        } finally {
            testbed.proxy.start();
        }
        assertThat(report.complete()).isFalse();
        assertThat(report.refused()).extracting(DrainReport.PodIssue::pod).contains("demo/web-0");
        assertThat(report.refused()).allSatisfy(p -> assertThat(p.reason()).contains("unreachable"));
        assertThat(report.skipped()).extracting(DrainReport.PodIssue::pod).contains("demo/node-exporter-7xk2p");
        assertThat(audit.count(new AuditFilter(operator, "node.drain", null, null, null, id + "/lifsea-node-09")))
                .isEqualTo(1);

        Eventually.within(Duration.ofSeconds(30), "connected again", () -> clusters.get(id).health()
                == ClusterHealth.CONNECTED);
        try (var k = testbed.direct()) {
            assertThat(k.nodes().withName("lifsea-node-09").get().getSpec().getUnschedulable())
                    .as("the node stayed cordoned").isTrue();
            operations.uncordon(id, "lifsea-node-09");
            assertThat(k.nodes().withName("lifsea-node-09").get().getSpec().getUnschedulable()).isNotEqualTo(true);
        }
    }

    @Test
    void aPodHeldBackByItsDisruptionBudgetIsEvictedOnceTheBudgetLetsItGo() throws Exception {
        long id = testbed.id;
        // A node with no pods of its own, so that this drain moves nothing other tests rely on.
        String node = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "lifsea-node-%02d".formatted(i))
                .filter(n -> !n.equals("lifsea-node-06") && !n.equals("lifsea-node-10"))
                .filter(n -> fleet.pods(id, n).isEmpty()).findFirst().orElseThrow();
        try (var k = testbed.direct()) {
            k.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName("budget-test").endMetadata().build()).serverSideApply();
            k.pods().inNamespace("budget-test").resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                    .withNewMetadata().withName("held").addToLabels("app", "held").endMetadata()
                    .withNewSpec().withNodeName(node).addNewContainer().withName("app")
                    .withImage("registry.openanolis.cn/openanolis/nginx:1.14.1-8.6").endContainer().endSpec()
                    .build()).create();
            // Running, as a kubelet would report it: the Eviction API ignores budgets for pods still pending.
            k.pods().inNamespace("budget-test").withName("held").editStatus(pod -> {
                pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                        .addNewCondition().withType("Ready").withStatus("True").endCondition().build());
                return pod;
            });
            k.resource(new io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudgetBuilder()
                    .withNewMetadata().withName("held").withNamespace("budget-test").endMetadata()
                    .withNewSpec().withMinAvailable(new io.fabric8.kubernetes.api.model.IntOrString(1))
                    .withNewSelector().addToMatchLabels("app", "held").endSelector().endSpec().build()).create();
        }
        Eventually.within(Duration.ofSeconds(10), "the portal's cache has the pod",
                () -> fleet.pods(id, node).stream().anyMatch(p -> p.key().equals("budget-test/held")));

        java.util.concurrent.CountDownLatch heldBack = new java.util.concurrent.CountDownLatch(1);
        List<DrainStep> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        Authentication operatorSignedIn = SecurityContextHolder.getContext().getAuthentication();
        var drain = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.getContext().setAuthentication(operatorSignedIn);
            try {
                return operations.drain(id, node, Duration.ofSeconds(12), step -> {
                    steps.add(step);
                    if (step.kind() == DrainStep.Kind.REFUSED && "budget-test/held".equals(step.pod())) {
                        heldBack.countDown();
                    }
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        try {
            boolean held = heldBack.await(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(held).as(() -> "the budget holds the pod back first; steps " + steps + ", drain "
                    + drain.handle((r, e) -> e != null ? e.toString() : String.valueOf(r)).getNow("running"))
                    .isTrue();
            // What the disruption controller would write once enough pods are healthy (none runs in the test bed).
            try (var k = testbed.direct()) {
                k.resources(io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudget.class)
                        .inNamespace("budget-test").withName("held").editStatus(pdb -> {
                            pdb.setStatus(new io.fabric8.kubernetes.api.model.policy.v1beta1
                                    .PodDisruptionBudgetStatusBuilder().withDisruptionsAllowed(1)
                                    .withCurrentHealthy(2).withDesiredHealthy(1).withExpectedPods(2)
                                    .withObservedGeneration(pdb.getMetadata().getGeneration()).build());
                            return pdb;
                        });
            }
            DrainReport report = drain.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(report.refused()).isEmpty();
            assertThat(java.util.stream.Stream.concat(report.evicted().stream(), report.stillTerminating().stream()))
                    .containsExactly("budget-test/held");
            assertThat(steps).anySatisfy(step -> {
                assertThat(step.kind()).isEqualTo(DrainStep.Kind.EVICTED);
                assertThat(step.pod()).isEqualTo("budget-test/held");
            });
        } finally {
            try (var k = testbed.direct()) {
                k.pods().inNamespace("budget-test").withName("held").withGracePeriod(0).delete();
                k.resources(io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudget.class)
                        .inNamespace("budget-test").withName("held").delete();
            }
            drain.handle((r, e) -> null).get(30, java.util.concurrent.TimeUnit.SECONDS);
            operations.uncordon(id, node);
        }
    }

    @Test
    void whileAClusterIsAwayTheApiAnswersFromTheCacheAndSaysWhyOperationsCannotRun() {
        long id = testbed.id;
        Eventually.within(Duration.ofSeconds(20), "connected first", () -> clusters.get(id).health()
                == ClusterHealth.CONNECTED);
        testbed.proxy.stop();
        try {
            Eventually.within(Duration.ofSeconds(10), "reported unreachable over REST within 10 s", () -> client
                    .withToken("GET", "/api/v1/clusters/" + id, read, null).body()
                    .contains("\"health\":\"UNREACHABLE\""));
            HttpResponse<String> nodes = client.withToken("GET", "/api/v1/nodes?cluster=" + id, read, null);
            assertThat(nodes.statusCode()).isEqualTo(200);
            assertThat(nodes.body()).contains("\"total\":12");
            HttpResponse<String> cordon = client.withToken("POST", "/api/v1/clusters/" + id
                    + "/nodes/lifsea-node-04/cordon", operate, null);
            assertThat(cordon.statusCode()).isEqualTo(503);
            assertThat(cordon.body()).contains("\"error\":\"unavailable\"");
        } finally {
            testbed.proxy.start();
        }
        Eventually.within(Duration.ofSeconds(30), "connected again over REST", () -> client
                .withToken("GET", "/api/v1/clusters/" + id, read, null).body().contains("\"health\":\"CONNECTED\""));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(field + " in " + json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
