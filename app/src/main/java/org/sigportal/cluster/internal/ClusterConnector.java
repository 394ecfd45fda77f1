package org.sigportal.cluster.internal;

import org.sigportal.cluster.ClusterRegistration;
import org.sigportal.cluster.ClusterSource;
import org.sigportal.base.PortalException;
import org.sigportal.base.secrets.CredentialCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Turns registrations into credentials, validates them against the cluster, encrypts them, and opens the
 * informer caches: for new registrations and, at start-up, for every enabled cluster.
 */
@Component
public class ClusterConnector {

    private static final Logger log = LoggerFactory.getLogger(ClusterConnector.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----[\\s\\S]+-----END CERTIFICATE-----\\s*");
    private static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KubernetesClients clients;
    private final ClusterCaches caches;
    private final CredentialCipher cipher;
    private final JooqClusterRepository clusters;

    ClusterConnector(KubernetesClients clients, ClusterCaches caches, CredentialCipher cipher,
                     JooqClusterRepository clusters) {
        this.clients = clients;
        this.caches = caches;
        this.cipher = cipher;
        this.clusters = clusters;
    }

    /** A validated registration, ready to store: the credentials are already encrypted. */
    public record Validated(ClusterSource source, String server, String encrypted, String kubernetesVersion,
                            String apiVersions) {
    }

    public Validated validate(ClusterRegistration registration) {
        ClusterCredentials credentials = credentials(registration);
        KubernetesClients.Discovery discovery = clients.discover(credentials);
        return new Validated(source(registration), credentials.server(), cipher.encrypt(toJson(credentials)),
                discovery.kubernetesVersion(), String.join(" ", discovery.apiVersions()));
    }

    public java.util.List<String> contexts(String kubeconfig) {
        return KubeconfigParser.contexts(kubeconfig);
    }

    public String currentContext(String kubeconfig) {
        return KubeconfigParser.currentContext(kubeconfig);
    }

    public void open(long id, String name, String encrypted) {
        caches.open(id, name, clients.build(fromJson(cipher.decrypt(encrypted))));
    }

    public void close(long id) {
        caches.close(id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void openAll() {
        for (var c : clusters.all()) {
            if (c.enabled()) {
                try {
                    open(c.id(), c.name(), c.credentials());
                } catch (RuntimeException e) {
                    log.error("Could not open cluster {}: {}", c.name(), e.getMessage());
                }
            }
        }
    }

    /**
     * For the demo fleet only ({@link DemoFleet}): credentials for the simulated API server, validated and encrypted
     * like any registration's. That server listens on loopback over plain HTTP, which registrations refuse.
     */
    Validated validateSimulated(String server, String token) {
        if (!server.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("not the simulated API server: " + server);
        }
        ClusterCredentials credentials = new ClusterCredentials(server, token, null, null, null, false);
        KubernetesClients.Discovery discovery = clients.discover(credentials);
        return new Validated(ClusterSource.TOKEN, server, cipher.encrypt(toJson(credentials)),
                discovery.kubernetesVersion(), String.join(" ", discovery.apiVersions()));
    }

    private static ClusterSource source(ClusterRegistration r) {
        return switch (r) {
            case ClusterRegistration.FromKubeconfig k -> ClusterSource.KUBECONFIG;
            case ClusterRegistration.FromToken t -> ClusterSource.TOKEN;
            case ClusterRegistration.InCluster i -> ClusterSource.IN_CLUSTER;
        };
    }

    private static ClusterCredentials credentials(ClusterRegistration registration) {
        return switch (registration) {
            case ClusterRegistration.FromKubeconfig k -> KubeconfigParser.credentials(k.kubeconfig(), k.context());
            case ClusterRegistration.FromToken t -> {
                if (t.apiServerUrl() == null || !t.apiServerUrl().trim().startsWith("https://")) {
                    throw new PortalException("clusters.error.server-url");
                }
                if (t.token() == null || t.token().isBlank()) {
                    throw new PortalException("clusters.error.token-required");
                }
                String ca = null;
                if (t.caCertificatePem() != null && !t.caCertificatePem().isBlank()) {
                    if (!PEM.matcher(t.caCertificatePem().trim() + "\n").matches()) {
                        throw new PortalException("clusters.error.ca-format");
                    }
                    ca = Base64.getEncoder().encodeToString(t.caCertificatePem().trim().getBytes(StandardCharsets.US_ASCII));
                } else if (!t.skipTlsVerify()) {
                    throw new PortalException("clusters.error.ca-required");
                }
                yield new ClusterCredentials(t.apiServerUrl().trim(), t.token().trim(), ca, null, null,
                        t.skipTlsVerify());
            }
            case ClusterRegistration.InCluster i -> inCluster();
        };
    }

    /** The portal's own service account, when it runs inside Kubernetes. */
    private static ClusterCredentials inCluster() {
        String host = System.getenv("KUBERNETES_SERVICE_HOST");
        String port = System.getenv("KUBERNETES_SERVICE_PORT");
        if (host == null || port == null || !Files.isReadable(SERVICE_ACCOUNT.resolve("token"))) {
            throw new PortalException("clusters.error.not-in-cluster");
        }
        try {
            String token = Files.readString(SERVICE_ACCOUNT.resolve("token")).trim();
            String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(SERVICE_ACCOUNT.resolve("ca.crt")));
            return new ClusterCredentials("https://" + host + ":" + port, token, ca, null, null, false);
        } catch (IOException e) {
            throw new PortalException("clusters.error.not-in-cluster");
        }
    }

    private static String toJson(ClusterCredentials c) {
        return JSON.writeValueAsString(c);
    }

    private static ClusterCredentials fromJson(String json) {
        return JSON.readValue(json, ClusterCredentials.class);
    }
}
