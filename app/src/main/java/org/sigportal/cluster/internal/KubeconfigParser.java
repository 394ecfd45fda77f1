package org.sigportal.cluster.internal;

import org.sigportal.base.PortalException;
import org.sigportal.cluster.ClusterRegistration;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a pasted kubeconfig without trusting it: anything that would run a command on the portal's server
 * ({@code exec}, {@code auth-provider}) or read one of its files ({@code tokenFile}, {@code client-certificate},
 * {@code client-key}, {@code certificate-authority} paths) is refused with a message saying what to paste
 * instead. Only the inline forms ({@code token}, {@code *-data}) are accepted.
 */
final class KubeconfigParser {

    private static final int MAX_SIZE = ClusterRegistration.FromKubeconfig.MAX_SIZE;

    private KubeconfigParser() {
    }

    static List<String> contexts(String yaml) {
        Map<String, Object> root = load(yaml);
        List<String> names = new ArrayList<>();
        for (Map<String, Object> c : list(root, "contexts")) {
            Object name = c.get("name");
            if (name != null) {
                names.add(name.toString());
            }
        }
        if (names.isEmpty()) {
            throw new PortalException("clusters.error.kubeconfig-no-context");
        }
        return names;
    }

    static String currentContext(String yaml) {
        Object current = load(yaml).get("current-context");
        return current == null ? "" : current.toString();
    }

    static ClusterCredentials credentials(String yaml, String contextName) {
        Map<String, Object> root = load(yaml);
        Map<String, Object> context = named(root, "contexts", contextName)
                .map(c -> map(c, "context"))
                .orElseThrow(() -> new PortalException("clusters.error.kubeconfig-context-missing", contextName));
        String clusterName = String.valueOf(context.get("cluster"));
        String userName = String.valueOf(context.get("user"));
        Map<String, Object> cluster = named(root, "clusters", clusterName).map(c -> map(c, "cluster"))
                .orElseThrow(() -> new PortalException("clusters.error.kubeconfig-cluster-missing", clusterName));
        Map<String, Object> user = named(root, "users", userName).map(u -> map(u, "user"))
                .orElseThrow(() -> new PortalException("clusters.error.kubeconfig-user-missing", userName));

        refuse(user, "exec", "clusters.error.kubeconfig-exec");
        refuse(user, "auth-provider", "clusters.error.kubeconfig-auth-provider");
        refuse(user, "tokenFile", "clusters.error.kubeconfig-token-file");
        refuse(user, "client-certificate", "clusters.error.kubeconfig-file-reference");
        refuse(user, "client-key", "clusters.error.kubeconfig-file-reference");
        refuse(cluster, "certificate-authority", "clusters.error.kubeconfig-file-reference");
        if (user.containsKey("username") || user.containsKey("password")) {
            throw new PortalException("clusters.error.kubeconfig-basic-auth");
        }
        Object server = cluster.get("server");
        if (server == null || !server.toString().startsWith("https://")) {
            throw new PortalException("clusters.error.server-url");
        }
        String token = string(user, "token");
        String cert = string(user, "client-certificate-data");
        String key = string(user, "client-key-data");
        if (token == null && (cert == null || key == null)) {
            throw new PortalException("clusters.error.kubeconfig-no-credentials");
        }
        return new ClusterCredentials(server.toString(), token, string(cluster, "certificate-authority-data"),
                cert, key, Boolean.TRUE.equals(cluster.get("insecure-skip-tls-verify")));
    }

    private static void refuse(Map<String, Object> section, String field, String messageKey) {
        if (section.containsKey(field)) {
            throw new PortalException(messageKey);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new PortalException("clusters.error.kubeconfig-empty");
        }
        if (yaml.length() > MAX_SIZE) {
            throw new PortalException("clusters.error.kubeconfig-too-large");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_SIZE);
        try {
            Object root = new Yaml(new SafeConstructor(options)).load(yaml);
            if (root instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (RuntimeException e) {
            throw new PortalException("clusters.error.kubeconfig-unreadable");
        }
        throw new PortalException("clusters.error.kubeconfig-unreadable");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String key) {
        Object value = root.get(key);
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }

    private static Optional<Map<String, Object>> named(Map<String, Object> root, String key, String name) {
        return list(root, key).stream().filter(m -> name.equals(String.valueOf(m.get("name")))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static @org.jspecify.annotations.Nullable String string(Map<String, Object> section, String key) {
        Object value = section.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
