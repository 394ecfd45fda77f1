package org.sigportal.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sigportal.base.PortalException;
import org.sigportal.support.Eventually;
import org.sigportal.support.H2Database;
import org.sigportal.support.TestBedCluster;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RBAC manifest in {@code deploy/kubernetes/rbac.yaml}, applied to the real API server of the test bed: a
 * cluster registered with its service account's token fills the caches and can be operated, and the roles grant
 * nothing beyond what the portal asks for.
 */
@H2Database
class RbacManifestH2Test {

    private static final Path MANIFEST = Path.of("..", "deploy", "kubernetes", "rbac.yaml");
    private static final String NODE = "lifsea-node-12";

    @Autowired
    ClusterService clusters;
    @Autowired
    FleetService fleet;
    @Autowired
    NodeOperationsService operations;

    TestBedCluster testbed;

    @BeforeEach
    void operator() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "rbac-test", null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR", "ROLE_ADMIN",
                        "SCOPE_read", "SCOPE_operate")));
        testbed = TestBedCluster.get(clusters);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theServiceAccountOfTheManifestSeesAndOperatesTheFleetAndNoMore() throws Exception {
        List<HasMetadata> applied;
        try (KubernetesClient admin = testbed.direct(); InputStream in = Files.newInputStream(MANIFEST)) {
            applied = admin.load(in).items();
            applied.forEach(item -> admin.resource(item).create());
        }
        assertThat(applied).extracting(HasMetadata::getKind).contains("ServiceAccount", "ClusterRole",
                "ClusterRoleBinding");

        String token = serviceAccountToken();
        ClusterSummary cluster = clusters.register(new ClusterRegistration.FromToken("rbac-operator",
                testbed.bed.env("TESTBED_SERVER"), token, ca(), false));
        try {
            // Connected means every informer (nodes, pods, node events) listed and is watching.
            Eventually.within(Duration.ofSeconds(20), "the service account's cluster connects with all nodes",
                    () -> clusters.list().stream().anyMatch(c -> c.id() == cluster.id()
                            && c.health() == ClusterHealth.CONNECTED && c.nodeCount() == 12));
            assertThat(fleet.pods(cluster.id(), "lifsea-node-09")).extracting(PodView::name).contains("web-0");

            operations.cordon(cluster.id(), NODE);
            Eventually.within(Duration.ofSeconds(10), "the node is cordoned",
                    () -> fleet.node(cluster.id(), NODE).orElseThrow().unschedulable());
            operations.uncordon(cluster.id(), NODE);
            operations.editLabels(cluster.id(), NODE, null, Map.of("rbac-check", "yes"), Set.of());
            Eventually.within(Duration.ofSeconds(10), "the label arrives",
                    () -> "yes".equals(fleet.node(cluster.id(), NODE).orElseThrow().labels().get("rbac-check")));
            operations.editLabels(cluster.id(), NODE, null, Map.of(), Set.of("rbac-check"));
            Eventually.within(Duration.ofSeconds(10), "the label is gone again",
                    () -> !fleet.node(cluster.id(), NODE).orElseThrow().unschedulable()
                            && !fleet.node(cluster.id(), NODE).orElseThrow().labels().containsKey("rbac-check"));

            try (KubernetesClient asPortal = client(token)) {
                assertThat(allowed(asPortal, "create", "pods", "eviction")).as("drain evicts").isTrue();
                assertThat(allowed(asPortal, "delete", "nodes", null)).isFalse();
                assertThat(allowed(asPortal, "delete", "pods", null)).as("pods go only by eviction").isFalse();
                assertThat(allowed(asPortal, "update", "nodes", null)).isFalse();
                assertThat(allowed(asPortal, "list", "secrets", null)).isFalse();
            }

            // Bound to the viewer role instead, the same account may look but not touch.
            try (KubernetesClient admin = testbed.direct()) {
                ClusterRoleBinding binding = admin.rbac().clusterRoleBindings().withName("sig-portal-fleet-operator")
                        .get();
                admin.rbac().clusterRoleBindings().resource(binding).delete();
                binding.getMetadata().setResourceVersion(null);
                binding.getMetadata().setUid(null);
                binding.getMetadata().setName("sig-portal-fleet-viewer");
                binding.getRoleRef().setName("sig-portal-fleet-viewer");
                admin.rbac().clusterRoleBindings().resource(binding).create();
            }
            Eventually.within(Duration.ofSeconds(10), "the viewer's cordon is refused with a readable 403", () -> {
                try {
                    operations.cordon(cluster.id(), NODE);
                    operations.uncordon(testbed.id, NODE);
                    return false;
                } catch (PortalException e) {
                    return e.messageKey().equals("clusters.error.forbidden");
                }
            });
            assertThat(clusters.list().stream().filter(c -> c.id() == cluster.id()).findFirst().orElseThrow()
                    .health()).isEqualTo(ClusterHealth.CONNECTED);
            assertThatThrownBy(() -> operations.editLabels(cluster.id(), NODE, null, Map.of("a", "b"), Set.of()))
                    .isInstanceOfSatisfying(PortalException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("clusters.error.forbidden"));
        } finally {
            ClusterSummary now = clusters.list().stream().filter(c -> c.id() == cluster.id()).findFirst()
                    .orElseThrow();
            clusters.remove(now.id(), now.version());
        }
    }

    private String serviceAccountToken() {
        try (KubernetesClient admin = testbed.direct()) {
            return admin.serviceAccounts().inNamespace("sig-portal").withName("sig-portal")
                    .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec()
                            .build())
                    .getStatus().getToken();
        }
    }

    private String ca() throws java.io.IOException {
        return Files.readString(Path.of(testbed.bed.env("TESTBED_CA_FILE")));
    }

    private KubernetesClient client(String token) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty()).withAutoConfigure(false)
                .withMasterUrl(testbed.bed.env("TESTBED_SERVER")).withOauthToken(token).withTrustCerts(true)
                .build()).build();
    }

    private static boolean allowed(KubernetesClient client, String verb, String resource, String subresource) {
        SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview().create(
                new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes().withVerb(verb)
                        .withResource(resource).withSubresource(subresource).withNamespace("demo")
                        .endResourceAttributes().endSpec().build());
        return review.getStatus().getAllowed();
    }
}
