package org.sigportal.cluster.internal.demo;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated API server answers the portal's kind of client the way kube-apiserver does: discovery, lists and
 * watches with selectors, the patch types, optimistic locking, the Eviction API, and its token.
 */
class SimulatedApiServerTest {

    static SimulatedApiServer server;
    static SimulatedCluster cluster;

    @BeforeAll
    static void start() {
        server = SimulatedApiServer.start();
        List<HasMetadata> objects = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            objects.add(new NodeBuilder().withNewMetadata().withName("node-" + i)
                    .withLabels(Map.of("zone", i == 1 ? "a" : "b", "pool", "general")).endMetadata()
                    .withNewSpec().endSpec().withNewStatus().addNewCondition().withType("Ready").withStatus("True")
                    .endCondition().endStatus().build());
            objects.add(pod("web-" + i, "node-" + i, "ReplicaSet"));
            objects.add(pod("exporter-" + i, "node-" + i, "DaemonSet"));
        }
        objects.add(new EventBuilder().withNewMetadata().withName("node-1.1").withNamespace("default").endMetadata()
                .withNewInvolvedObject().withKind("Node").withName("node-1").endInvolvedObject()
                .withReason("NodeNotReady").withMessage("Node node-1 status is now: NodeNotReady").build());
        objects.add(new EventBuilder().withNewMetadata().withName("web-1.1").withNamespace("shop").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName("web-1").endInvolvedObject()
                .withReason("Pulled").build());
        cluster = server.addCluster("demo-test", "v1.30.7-aliyun.1", objects);
    }

    private static Pod pod(String name, String node, String owner) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("shop").addNewOwnerReference()
                .withKind(owner).withName(owner.toLowerCase()).withApiVersion("apps/v1").withUid("u-" + owner)
                .endOwnerReference().endMetadata()
                .withNewSpec().withNodeName(node).withRuntimeClassName(name.startsWith("web") ? "rund" : null)
                .endSpec().withNewStatus().withPhase("Running").endStatus().build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Configured as the portal configures its clients (KubernetesClients). */
    static KubernetesClient client(String token) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty()).withAutoConfigure(false)
                .withMasterUrl(cluster.url()).withOauthToken(token).withConnectionTimeout(3_000)
                .withRequestTimeout(10_000).withWatchReconnectInterval(1_000).withWatchReconnectLimit(-1)
                .withRequestRetryBackoffLimit(1).withRequestRetryBackoffInterval(100).build()).build();
    }

    @Test
    void listensOnLoopbackOnlyAndServesDiscovery() {
        assertThat(cluster.url()).startsWith("http://127.0.0.1:" + server.port() + "/demo-test");
        try (KubernetesClient client = client(cluster.token())) {
            assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.30.7-aliyun.1");
            assertThat(client.getAPIVersions().getVersions()).containsExactly("v1");
            assertThat(client.getApiGroups().getGroups()).extracting(g -> g.getPreferredVersion().getGroupVersion())
                    .contains("policy/v1", "node.k8s.io/v1", "apps/v1");
            assertThat(client.nodes().list().getItems()).hasSize(3);
        }
    }

    @Test
    void aWrongTokenIsUnauthorised() {
        try (KubernetesClient client = client("not-the-token")) {
            assertThatThrownBy(() -> client.nodes().list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(401));
        }
    }

    @Test
    void fieldAndSetBasedLabelSelectorsFilterLists() {
        try (KubernetesClient client = client(cluster.token())) {
            assertThat(client.pods().inAnyNamespace().list(new ListOptionsBuilder()
                    .withFieldSelector("spec.nodeName=node-2").build()).getItems())
                    .extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder("web-2", "exporter-2");
            assertThat(client.v1().events().inAnyNamespace().withField("involvedObject.kind", "Node").list()
                    .getItems()).extracting(Event::getReason).containsExactly("NodeNotReady");
            assertThat(client.nodes().withLabelSelector("zone in (b)").list().getItems()).hasSize(2);
            assertThat(client.nodes().withLabelSelector("zone notin (b),pool=general").list().getItems())
                    .extracting(n -> n.getMetadata().getName()).containsExactly("node-1");
        }
    }

    @Test
    void aCordonReachesAnInformerAndAFilteredWatch() throws Exception {
        try (KubernetesClient client = client(cluster.token())) {
            List<String> updates = new CopyOnWriteArrayList<>();
            SharedIndexInformer<Node> informer = client.nodes().runnableInformer(0);
            informer.addEventHandler(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Node node) {
                }

                @Override
                public void onUpdate(Node old, Node node) {
                    if (Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
                        updates.add(node.getMetadata().getName());
                    }
                }

                @Override
                public void onDelete(Node node, boolean unknown) {
                }
            });
            informer.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
            List<String> zoneB = new CopyOnWriteArrayList<>();
            SharedIndexInformer<Node> filtered = client.nodes().withLabelSelector("zone in (b)").inform();
            try {
                assertThat(informer.getStore().list()).hasSize(3);
                assertThat(filtered.getStore().list()).hasSize(2);
                client.nodes().withName("node-3").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                        new NodeBuilder().withNewSpec().withUnschedulable(true).endSpec().build());
                waitFor(() -> updates.contains("node-3"));
                assertThat(client.nodes().withName("node-3").get().getSpec().getUnschedulable()).isTrue();
                // node-3 leaves zone b: the filtered watch deletes it
                client.nodes().withName("node-3").edit(n -> new NodeBuilder(n).editMetadata()
                        .addToLabels("zone", "c").endMetadata().build());
                waitFor(() -> filtered.getStore().list().size() == 1);
            } finally {
                informer.stop();
                filtered.stop();
                client.nodes().withName("node-3").patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"labels\":{\"zone\":\"b\"}},\"spec\":{\"unschedulable\":null}}");
            }
            assertThat(client.nodes().withName("node-3").get().getSpec().getUnschedulable()).isNull();
        }
    }

    @Test
    void jsonPatchesTestTheResourceVersionAndMergePatchesRemoveWithNull() {
        try (KubernetesClient client = client(cluster.token())) {
            Node node = client.nodes().withName("node-2").get();
            String rv = node.getMetadata().getResourceVersion();
            client.nodes().withName("node-2").patch(PatchContext.of(PatchType.JSON), """
                    [{"op":"test","path":"/metadata/resourceVersion","value":"%s"},
                     {"op":"add","path":"/metadata/labels/team","value":"sig"}]""".formatted(rv));
            Node patched = client.nodes().withName("node-2").get();
            assertThat(patched.getMetadata().getLabels()).containsEntry("team", "sig");
            assertThat(patched.getMetadata().getResourceVersion()).isNotEqualTo(rv);
            assertThatThrownBy(() -> client.nodes().withName("node-2").patch(PatchContext.of(PatchType.JSON), """
                    [{"op":"test","path":"/metadata/resourceVersion","value":"%s"},
                     {"op":"remove","path":"/metadata/labels/team"}]""".formatted(rv)))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
            assertThatThrownBy(() -> client.nodes().withName("node-2").patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"resourceVersion\":\"" + rv + "\",\"labels\":{\"team\":null}}}"))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
            client.nodes().withName("node-2").patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"labels\":{\"team\":null}}}");
            assertThat(client.nodes().withName("node-2").get().getMetadata().getLabels()).doesNotContainKey("team");
            client.nodes().withName("node-2").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
                    "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}]}}");
            assertThat(client.nodes().withName("node-2").get().getStatus().getConditions()).hasSize(1)
                    .allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("False"));
        }
    }

    @Test
    void anEvictionDeletesThePod() throws Exception {
        try (KubernetesClient client = client(cluster.token())) {
            var http = client.getHttpClient();
            String body = "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"web-1\",\"namespace\":\"shop\"}}";
            URI uri = URI.create(client.getConfiguration().getMasterUrl() + "api/v1/namespaces/shop/pods/web-1/eviction");
            var answer = http.sendAsync(http.newHttpRequestBuilder().uri(uri).post("application/json", body).build(),
                    String.class).get(10, TimeUnit.SECONDS);
            assertThat(answer.code()).isEqualTo(201);
            assertThat(client.pods().inNamespace("shop").withName("web-1").get()).isNull();
            var again = http.sendAsync(http.newHttpRequestBuilder().uri(uri).post("application/json", body).build(),
                    String.class).get(10, TimeUnit.SECONDS);
            assertThat(again.code()).isEqualTo(404);
        }
    }

    @Test
    void usesNoneOfTheMockServerClassesThatNeedBouncyCastle() {
        // The tests have BouncyCastle on their class path (through other test libraries); the application does not.
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("io.fabric8.mockwebserver.MockWebServer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.fabric8.mockwebserver.DefaultMockServer")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("io.fabric8.kubernetes.client.server.mock.KubernetesMockServer")
                .orShould().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.sigportal"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
