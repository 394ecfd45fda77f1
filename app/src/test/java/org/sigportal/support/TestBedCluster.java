package org.sigportal.support;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.sigportal.cluster.ClusterRegistration;
import org.sigportal.cluster.ClusterService;
import org.sigportal.cluster.ClusterSummary;

import java.net.URI;
import java.time.Duration;

/**
 * The test bed's cluster as the portal sees it, registered once per test run (through a TCP relay, so a test can
 * cut the connection) and shared by the test classes that drive it. Needs an operator signed in.
 */
public final class TestBedCluster {

    private static TestBedCluster instance;

    public final TestBed bed;
    public final TcpProxy proxy;
    public final long id;

    private TestBedCluster(TestBed bed, TcpProxy proxy, long id) {
        this.bed = bed;
        this.proxy = proxy;
        this.id = id;
    }

    public static synchronized TestBedCluster get(ClusterService clusters) {
        if (instance == null) {
            TestBed bed = TestBed.get();
            int apiPort = URI.create(bed.env("TESTBED_SERVER")).getPort();
            TcpProxy proxy = new TcpProxy(apiPort);
            proxy.start();
            String kubeconfig = bed.kubeconfig().replace(":" + apiPort, ":" + proxy.port());
            ClusterSummary summary = clusters.register(new ClusterRegistration.FromKubeconfig("testbed", kubeconfig,
                    "sig-portal-testbed"));
            long id = summary.id();
            Eventually.within(Duration.ofSeconds(20), "the cache holds the seeded nodes",
                    () -> clusters.list().stream().anyMatch(c -> c.id() == id && c.nodeCount() == 12));
            instance = new TestBedCluster(bed, proxy, id);
        }
        return instance;
    }

    /** A client straight to the API server as the test bed's admin, for arranging and checking. */
    public KubernetesClient direct() {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty()).withAutoConfigure(false)
                .withMasterUrl(bed.env("TESTBED_SERVER")).withOauthToken(bed.env("TESTBED_TOKEN"))
                .withTrustCerts(true).build()).build();
    }

    /** Registers the test bed again under another name, as one of its users (see {@link TestBed#token}). */
    public ClusterSummary registerAs(ClusterService clusters, String name, String user) {
        try {
            String ca = java.nio.file.Files.readString(java.nio.file.Path.of(bed.env("TESTBED_CA_FILE")));
            return clusters.register(new ClusterRegistration.FromToken(name, bed.env("TESTBED_SERVER"),
                    bed.token(user), ca, false));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
