package org.sigportal.cluster.internal.demo;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonDiff;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated cluster: fabric8's CRUD dispatcher holds its objects and serves lists, watches and writes; this
 * adds a bearer token, discovery ({@code /version}, {@code /api}, {@code /apis}), selectors the CRUD server cannot
 * match (field selectors, set-based label selectors: filtered here, for lists and watches alike), merge and
 * strategic-merge patches (turned into the JSON patch the CRUD server applies, so resource versions and watch
 * events stay its own), failed JSON-patch tests answered 422, and the Eviction API (the pod is deleted at once:
 * there is no kubelet to wait for, and no disruption budget to check).
 */
public final class SimulatedCluster {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EVICTION = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/eviction/?");
    private static final Set<String> SELECTORS = Set.of("labelSelector", "fieldSelector");
    private static final String JSON_PATCH = "application/json-patch+json";

    /** A resource discovery offers. */
    private record Resource(String plural, String kind, boolean namespaced) {
    }

    /** What discovery offers, by group/version. */
    private static final Map<String, List<Resource>> RESOURCES = new LinkedHashMap<>();

    static {
        RESOURCES.put("v1", List.of(new Resource("nodes", "Node", false), new Resource("nodes/status", "Node", false),
                new Resource("pods", "Pod", true), new Resource("pods/status", "Pod", true),
                new Resource("pods/eviction", "Eviction", true), new Resource("events", "Event", true),
                new Resource("namespaces", "Namespace", false)));
        RESOURCES.put("apps/v1", List.of(new Resource("daemonsets", "DaemonSet", true),
                new Resource("deployments", "Deployment", true), new Resource("replicasets", "ReplicaSet", true)));
        RESOURCES.put("policy/v1", List.of(new Resource("poddisruptionbudgets", "PodDisruptionBudget", true)));
        RESOURCES.put("node.k8s.io/v1", List.of(new Resource("runtimeclasses", "RuntimeClass", false)));
        RESOURCES.put("events.k8s.io/v1", List.of(new Resource("events", "Event", true)));
        RESOURCES.put("storage.k8s.io/v1", List.of(new Resource("storageclasses", "StorageClass", false),
                new Resource("csidrivers", "CSIDriver", false)));
        RESOURCES.put("coordination.k8s.io/v1", List.of(new Resource("leases", "Lease", true)));
    }

    private final String name;
    private final String url;
    private final String token;
    private final String version;
    private final KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
    private final KubernetesAttributesExtractor attributes =
            (KubernetesAttributesExtractor) store.getAttributeExtractor();

    SimulatedCluster(String name, String url, String gitVersion) {
        this.name = name;
        this.url = url;
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.version = versionJson(gitVersion);
    }

    public String name() {
        return name;
    }

    /** The API server address for a client: {@code http://127.0.0.1:PORT/NAME}. */
    public String url() {
        return url;
    }

    /** The bearer token this start of the server accepts for the cluster. */
    public String token() {
        return token;
    }

    /** How many objects of a kind (by plural, such as {@code pods}) the cluster holds. */
    public int count(String plural) {
        var wanted = new io.fabric8.mockwebserver.crud.Value(plural);
        synchronized (store.getMap()) {
            return (int) store.getMap().keySet().stream()
                    .map(k -> k.getAttribute(KubernetesAttributesExtractor.PLURAL))
                    .filter(a -> a != null && a.getValues().contains(wanted))
                    .count();
        }
    }

    /** Stores objects straight away, keeping their metadata (creation time, uid); before any client connects. */
    void seed(Collection<? extends HasMetadata> objects) {
        for (HasMetadata o : objects) {
            var meta = o.getMetadata();
            meta.setResourceVersion(String.valueOf(store.requestResourceVersion()));
            if (meta.getUid() == null) {
                meta.setUid(UUID.nameUUIDFromBytes((name + "/" + o.getKind() + "/" + meta.getNamespace() + "/"
                        + meta.getName()).getBytes(StandardCharsets.UTF_8)).toString());
            }
            if (meta.getCreationTimestamp() == null) {
                meta.setCreationTimestamp(Instant.now().toString());
            }
            if (meta.getGeneration() == null) {
                meta.setGeneration(1L);
            }
            store.getMap().put(attributes.extract(o), Serialization.asJson(o));
        }
    }

    MockResponse handle(RecordedRequest request, String path) {
        if (!authorised(request.getHeader("Authorization"))) {
            return Responses.status(401, "Unauthorized", "Unauthorized");
        }
        String bare = Query.path(path);
        HttpMethod method = request.method();
        if (method == HttpMethod.GET) {
            String discovery = discovery(bare);
            return discovery != null ? Responses.json(200, discovery) : get(path);
        }
        Matcher eviction = EVICTION.matcher(bare);
        if (method == HttpMethod.POST && eviction.matches()) {
            return evict(eviction.group(1), eviction.group(2));
        }
        // One writer at a time: a patch reads the current object, then has the store apply the difference.
        synchronized (this) {
            if (method == HttpMethod.PATCH) {
                return patch(request, path, bare);
            }
            if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.DELETE) {
                return Responses.status(405, "MethodNotAllowed", "the server does not allow this method");
            }
            return store.dispatch(new RecordedRequest(request.getHttpVersion(), method, path, request.getHeaders(),
                    request.getBody()));
        }
    }

    private boolean authorised(@Nullable String header) {
        String expected = "Bearer " + token;
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private MockResponse get(String path) {
        Map<String, String> query = Query.parse(path);
        String labels = query.get("labelSelector");
        String fields = query.get("fieldSelector");
        if ((labels == null || labels.isBlank()) && (fields == null || fields.isBlank())) {
            return store.handleGet(path);
        }
        ObjectSelector selector;
        try {
            selector = ObjectSelector.of(labels, fields);
        } catch (IllegalArgumentException e) {
            return Responses.status(400, "BadRequest", String.valueOf(e.getMessage()));
        }
        MockResponse response = store.handleGet(Query.without(path, SELECTORS));
        if (response.getWebSocketListener() != null) {
            return response.withWebSocketUpgrade(new FilteredWatch(response.getWebSocketListener(), selector));
        }
        if (response.code() != 200 || response.getBody() == null) {
            return response;
        }
        JsonNode body = JSON.readTree(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
        if (!body.path("items").isArray()) {
            return response; // one named object: selectors do not apply
        }
        ArrayNode kept = JSON.createArrayNode();
        body.get("items").forEach(item -> {
            if (selector.test(item)) {
                kept.add(item);
            }
        });
        ((ObjectNode) body).set("items", kept);
        return response.setBody(JSON.writeValueAsString(body));
    }

    private MockResponse patch(RecordedRequest request, String path, String bare) {
        Entry<AttributeSet, String> current = store.findResource(store.getKey(bare));
        if (current == null) {
            return Responses.status(404, "NotFound", "the server could not find the requested resource");
        }
        String type = request.getHeader("Content-Type") == null ? ""
                : request.getHeader("Content-Type").split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode before = JSON.readTree(current.getValue());
        JsonNode patch;
        try {
            patch = JSON.readTree(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return Responses.status(400, "BadRequest", "the patch is not JSON");
        }
        JsonNode after;
        switch (type) {
            case JSON_PATCH -> {
                if (!patch.isArray()) {
                    return Responses.status(400, "BadRequest", "a JSON patch is an array of operations");
                }
                try {
                    after = JsonPatch.apply(patch, before);
                } catch (JsonPatchException | IllegalArgumentException e) {
                    // As kube-apiserver: a patch that cannot be applied (a failed test among them) is 422.
                    return Responses.status(422, "Invalid", String.valueOf(e.getMessage()));
                }
            }
            case "application/merge-patch+json" -> after = MergePatch.apply(before, patch, false);
            case "application/strategic-merge-patch+json" -> after = MergePatch.apply(before, patch, true);
            default -> {
                return Responses.status(415, "UnsupportedMediaType", "the body of the request was in an unknown "
                        + "format - accepted media types include: application/json-patch+json, "
                        + "application/merge-patch+json, application/strategic-merge-patch+json");
            }
        }
        JsonNode difference = JsonDiff.asJson(before, after);
        MockResponse response = store.handlePatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.PATCH,
                path, Headers.builder().add("Content-Type", JSON_PATCH).build(),
                new Buffer(JSON.writeValueAsBytes(difference))));
        return response.code() == 202 ? response.setResponseCode(200) : response;
    }

    private MockResponse evict(String namespace, String pod) {
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + pod;
        synchronized (this) {
            if (store.handleGet(path).code() == 404) {
                return Responses.status(404, "NotFound", "pods \"" + pod + "\" not found");
            }
            store.handleDelete(path);
        }
        return Responses.success(201);
    }

    private @Nullable String discovery(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        switch (p) {
            case "/version":
                return version;
            case "/healthz", "/livez", "/readyz":
                return "ok";
            case "/":
                List<String> paths = new ArrayList<>(List.of("/api", "/api/v1", "/apis", "/healthz", "/version"));
                RESOURCES.keySet().stream().filter(gv -> gv.contains("/")).forEach(gv -> paths.add("/apis/" + gv));
                return JSON.writeValueAsString(Map.of("paths", paths));
            case "/api":
                return Serialization.asJson(new APIVersionsBuilder().withVersions("v1").build());
            case "/apis": {
                var list = new APIGroupListBuilder();
                groups().forEach((group, versions) -> list.addToGroups(group(group, versions)));
                return Serialization.asJson(list.build());
            }
            default:
                break;
        }
        if (p.equals("/api/v1")) {
            return resourceList("v1");
        }
        if (p.startsWith("/apis/")) {
            String gv = p.substring("/apis/".length());
            if (RESOURCES.containsKey(gv) && gv.contains("/")) {
                return resourceList(gv);
            }
            List<String> versions = groups().get(gv);
            if (versions != null) {
                return Serialization.asJson(group(gv, versions));
            }
        }
        return null;
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        RESOURCES.keySet().stream().filter(gv -> gv.contains("/")).forEach(gv -> groups
                .computeIfAbsent(gv.substring(0, gv.indexOf('/')), g -> new ArrayList<>())
                .add(gv.substring(gv.indexOf('/') + 1)));
        return groups;
    }

    private static io.fabric8.kubernetes.api.model.APIGroup group(String group, List<String> versions) {
        var builder = new APIGroupBuilder().withName(group);
        versions.forEach(v -> builder.addToVersions(new GroupVersionForDiscoveryBuilder()
                .withGroupVersion(group + "/" + v).withVersion(v).build()));
        return builder.withPreferredVersion(new GroupVersionForDiscoveryBuilder()
                .withGroupVersion(group + "/" + versions.getFirst()).withVersion(versions.getFirst()).build()).build();
    }

    private static String resourceList(String groupVersion) {
        var list = new APIResourceListBuilder().withGroupVersion(groupVersion);
        for (Resource r : RESOURCES.get(groupVersion)) {
            boolean sub = r.plural().contains("/");
            list.addToResources(new APIResourceBuilder().withName(r.plural()).withKind(r.kind())
                    .withNamespaced(r.namespaced()).withSingularName("")
                    .withVerbs(sub ? List.of("get", "patch", "update", "create")
                            : List.of("create", "delete", "get", "list", "patch", "update", "watch"))
                    .build());
        }
        return Serialization.asJson(list.build());
    }

    private static String versionJson(String gitVersion) {
        Matcher m = Pattern.compile("v(\\d+)\\.(\\d+)\\..*").matcher(gitVersion);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Kubernetes version: " + gitVersion);
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("major", m.group(1));
        v.put("minor", m.group(2));
        v.put("gitVersion", gitVersion);
        v.put("gitCommit", UUID.nameUUIDFromBytes(gitVersion.getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "") + "0a1b2c3d");
        v.put("gitTreeState", "clean");
        v.put("buildDate", "2025-01-14T06:21:37Z");
        v.put("goVersion", "go1.23.4");
        v.put("compiler", "gc");
        v.put("platform", "linux/amd64");
        return JSON.writeValueAsString(v);
    }
}
