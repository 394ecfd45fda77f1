package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.sigportal.base.PortalException;
import org.sigportal.base.PortalException.Kind;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds fabric8 clients from stored credentials only: never from the server's own kubeconfig, environment or
 * files (an empty base config, auto-configuration off).
 */
@Component
public class KubernetesClients {

    /** What a registration learns about the cluster while validating it. */
    public record Discovery(String kubernetesVersion, List<String> apiVersions) {
    }

    KubernetesClient build(ClusterCredentials credentials) {
        ConfigBuilder config = new ConfigBuilder(Config.empty())
                .withAutoConfigure(false)
                .withMasterUrl(credentials.server())
                .withTrustCerts(credentials.skipTlsVerify())
                .withDisableHostnameVerification(credentials.skipTlsVerify())
                .withConnectionTimeout(3_000)
                .withRequestTimeout(10_000)
                .withWatchReconnectInterval(1_000)
                .withWatchReconnectLimit(-1)
                // A 429 from the Eviction API is an answer (a disruption budget), not a reason to retry for seconds.
                .withRequestRetryBackoffLimit(1)
                .withRequestRetryBackoffInterval(100);
        if (credentials.token() != null) {
            config.withOauthToken(credentials.token());
        }
        if (credentials.caData() != null) {
            config.withCaCertData(credentials.caData());
        }
        if (credentials.clientCertData() != null) {
            config.withClientCertData(credentials.clientCertData()).withClientKeyData(credentials.clientKeyData());
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    /** Reachable, authenticated, which versions it serves: refused with a readable reason otherwise. */
    Discovery discover(ClusterCredentials credentials) {
        try (KubernetesClient client = build(credentials)) {
            String version = client.getKubernetesVersion().getGitVersion();
            List<String> versions = new ArrayList<>(client.getAPIVersions().getVersions());
            client.getApiGroups().getGroups().forEach(g -> g.getVersions()
                    .forEach(v -> versions.add(v.getGroupVersion())));
            // Authorization: listing nodes is what the portal does first.
            client.nodes().list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build());
            return new Discovery(version, versions);
        } catch (KubernetesClientException e) {
            // On save the operator's input is what failed: the request was well-formed but the cluster refused it.
            PortalException refusal = refusal(e);
            throw new PortalException(PortalException.Kind.UNPROCESSABLE, refusal.messageKey(), refusal.arguments());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // An address the HTTP client cannot even use (a bad host or port) surfaces here, not as a client error.
            throw new PortalException(PortalException.Kind.UNPROCESSABLE, "clusters.error.unreachable", rootMessage(e));
        }
    }

    /** An address on the client's API server, for the few requests fabric8 has no typed call for. */
    static java.net.URI apiUri(KubernetesClient client, String path) {
        String base = client.getConfiguration().getMasterUrl();
        return java.net.URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    /**
     * The API server's answer as a readable refusal whose kind keeps its meaning for REST callers: the server's
     * 403, 404, 409, 422 and 429 stay what they are; no answer, a 5xx, or credentials the server no longer accepts
     * (401: the portal's, not the caller's) mean the cluster is unavailable (503).
     */
    static PortalException refusal(KubernetesClientException e) {
        if (e.getCode() <= 0 || brokenConnection(e)) {
            return new PortalException(Kind.UNAVAILABLE, "clusters.error.unreachable", rootMessage(e));
        }
        return switch (e.getCode()) {
            case 401 -> new PortalException(Kind.UNAVAILABLE, "clusters.error.unauthorised");
            case 403 -> new PortalException(Kind.FORBIDDEN, "clusters.error.forbidden", message(e));
            case 404 -> new PortalException(Kind.NOT_FOUND, "clusters.error.api", e.getCode(), message(e));
            case 409 -> new PortalException(Kind.CONFLICT, "clusters.error.conflict", message(e));
            case 422 -> new PortalException(Kind.UNPROCESSABLE, "clusters.error.invalid", message(e));
            case 429 -> new PortalException(Kind.TOO_MANY, "clusters.error.api", e.getCode(), message(e));
            default -> new PortalException(e.getCode() >= 500 ? Kind.UNAVAILABLE : Kind.UNPROCESSABLE,
                    "clusters.error.api", e.getCode(), message(e));
        };
    }

    /** No answer from the API server at all: refused, reset or timed-out connections. */
    private static boolean brokenConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String message(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : String.valueOf(e.getMessage());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
