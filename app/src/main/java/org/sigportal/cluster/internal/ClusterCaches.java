package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.sigportal.cluster.ClusterHealth;
import org.sigportal.cluster.NodeEvent;
import org.sigportal.cluster.NodeView;
import org.sigportal.cluster.PodView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One informer cache per connected cluster (fabric8 shared informers for nodes, pods and node events), holding
 * trimmed projections, so that no user request lists from an API server. The informers' own stores keep only
 * keys and resource versions ({@link ReducedStateItemStore}); the projections are all the portal keeps of an
 * object. A probe every two seconds tells each cluster's health; the informers reconnect by themselves with
 * back-off. Listeners hear about changes at most once a second.
 */
@Component
public class ClusterCaches {

    private static final Logger log = LoggerFactory.getLogger(ClusterCaches.class);

    /** A live connection to one cluster. */
    static final class Connection {
        final long id;
        final String name;
        final @Nullable KubernetesClient client;
        final Map<String, NodeView> nodes = new ConcurrentHashMap<>();
        /** Pods by node name, then by {@code namespace/name}. */
        final Map<String, Map<String, PodView>> podsByNode = new ConcurrentHashMap<>();
        /** The node each pod is on, by {@code namespace/name}. */
        final Map<String, String> podNode = new ConcurrentHashMap<>();
        /** Node events by node name, then by the event's {@code namespace/name}. */
        final Map<String, Map<String, NodeEvent>> events = new ConcurrentHashMap<>();
        final Map<String, String> eventNode = new ConcurrentHashMap<>();
        volatile @Nullable SharedIndexInformer<Node> informer;
        volatile @Nullable SharedIndexInformer<Pod> podInformer;
        volatile @Nullable SharedIndexInformer<Event> eventInformer;
        volatile ClusterHealth health = ClusterHealth.CONNECTING;
        volatile @Nullable String detail;

        Connection(long id, String name, @Nullable KubernetesClient client) {
            this.id = id;
            this.name = name;
            this.client = client;
        }

        void putPod(PodView pod) {
            String key = pod.key();
            String before = podNode.put(key, pod.nodeName());
            if (before != null && !before.equals(pod.nodeName())) {
                removeFrom(podsByNode, before, key);
            }
            podsByNode.computeIfAbsent(pod.nodeName(), n -> new ConcurrentHashMap<>()).put(key, pod);
        }

        void removePod(String key) {
            String node = podNode.remove(key);
            if (node != null) {
                removeFrom(podsByNode, node, key);
            }
        }

        void putEvent(String key, String node, NodeEvent event) {
            eventNode.put(key, node);
            events.computeIfAbsent(node, n -> new ConcurrentHashMap<>()).put(key, event);
        }

        void removeEvent(String key) {
            String node = eventNode.remove(key);
            if (node != null) {
                removeFrom(events, node, key);
            }
        }

        private static <V> void removeFrom(Map<String, Map<String, V>> byNode, String node, String key) {
            byNode.computeIfPresent(node, (n, m) -> {
                m.remove(key);
                return m.isEmpty() ? null : m;
            });
        }

        List<SharedIndexInformer<?>> informers() {
            List<SharedIndexInformer<?>> all = new ArrayList<>(3);
            for (SharedIndexInformer<?> i : java.util.Arrays.asList(informer, podInformer, eventInformer)) {
                if (i != null) {
                    all.add(i);
                }
            }
            return all;
        }
    }

    private final Map<Long, Connection> connections = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "cluster-health");
        t.setDaemon(true);
        return t;
    });

    ClusterCaches() {
        scheduler.scheduleWithFixedDelay(this::probeAll, 2, 2, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::notifyListeners, 1, 1, TimeUnit.SECONDS);
    }

    void open(long id, String name, KubernetesClient client) {
        close(id);
        Connection connection = new Connection(id, name, client);
        connections.put(id, connection);
        SharedIndexInformer<Node> informer = reduced(client.nodes().runnableInformer(0), Node.class, client,
                connection);
        informer.addEventHandler(handler(
                node -> connection.nodes.put(node.getMetadata().getName(), NodeProjection.of(id, name, node)),
                node -> connection.nodes.remove(node.getMetadata().getName())));
        SharedIndexInformer<Pod> pods = reduced(client.pods().inAnyNamespace().runnableInformer(0), Pod.class,
                client, connection);
        pods.addEventHandler(handler(pod -> connection.putPod(PodProjection.of(id, pod)),
                pod -> connection.removePod(key(pod))));
        SharedIndexInformer<Event> events = reduced(client.v1().events().inAnyNamespace()
                .withField("involvedObject.kind", "Node").runnableInformer(0), Event.class, client, connection);
        events.addEventHandler(handler(event -> connection.putEvent(key(event),
                        String.valueOf(event.getInvolvedObject().getName()), PodProjection.event(event)),
                event -> connection.removeEvent(key(event))));
        connection.informer = informer;
        connection.podInformer = pods;
        connection.eventInformer = events;
        informer.start();
        pods.start();
        events.start();
        scheduler.execute(() -> probe(connection));
    }

    /** The informer keeps only keys and resource versions: the projections are the cache. */
    private static <T extends HasMetadata> SharedIndexInformer<T> reduced(SharedIndexInformer<T> informer,
                                                                          Class<T> type, KubernetesClient client,
                                                                          Connection connection) {
        informer.itemStore(new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE, type,
                client.getKubernetesSerialization()));
        informer.exceptionHandler((started, t) -> {
            connection.detail = t.getMessage();
            return true; // keep retrying, with the client's back-off
        });
        return informer;
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler(java.util.function.Consumer<T> put,
                                                                   java.util.function.Consumer<T> remove) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                put.accept(object);
                changed.set(true);
            }

            @Override
            public void onUpdate(T old, T object) {
                onAdd(object);
            }

            @Override
            public void onDelete(T object, boolean unknownFinalState) {
                remove.accept(object);
                changed.set(true);
            }
        };
    }

    private static String key(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }

    void close(long id) {
        Connection old = connections.remove(id);
        if (old != null) {
            old.informers().forEach(SharedIndexInformer::stop);
            if (old.client != null) {
                old.client.close();
            }
            changed.set(true);
        }
    }

    Optional<KubernetesClient> client(long id) {
        return Optional.ofNullable(connections.get(id)).flatMap(c -> Optional.ofNullable(c.client));
    }

    public ClusterHealth health(long id) {
        Connection c = connections.get(id);
        return c == null ? ClusterHealth.DISABLED : c.health;
    }

    public @Nullable String healthDetail(long id) {
        Connection c = connections.get(id);
        return c == null ? null : c.detail;
    }

    public Collection<NodeView> nodes() {
        List<NodeView> all = new ArrayList<>();
        connections.values().forEach(c -> all.addAll(c.nodes.values()));
        return all;
    }

    public int nodeCount(long id) {
        Connection c = connections.get(id);
        return c == null ? 0 : c.nodes.size();
    }

    public Optional<NodeView> node(long clusterId, String name) {
        return Optional.ofNullable(connections.get(clusterId)).map(c -> c.nodes.get(name));
    }

    /** The pods on a node, or empty when the cluster's pod cache has not synced (see {@link #podsSynced}). */
    public List<PodView> podsOn(long clusterId, String node) {
        Connection c = connections.get(clusterId);
        if (c == null) {
            return List.of();
        }
        Map<String, PodView> pods = c.podsByNode.get(node);
        return pods == null ? List.of() : List.copyOf(pods.values());
    }

    /** Whether the cluster's pods are known: a fresh connection has not listed them yet. */
    public boolean podsSynced(long clusterId) {
        Connection c = connections.get(clusterId);
        if (c == null) {
            return false;
        }
        SharedIndexInformer<Pod> pods = c.podInformer;
        return c.client == null || pods != null && pods.hasSynced();
    }

    public boolean hasPod(long clusterId, String namespace, String name) {
        Connection c = connections.get(clusterId);
        return c != null && c.podNode.containsKey(namespace + "/" + name);
    }

    public long podCount() {
        return connections.values().stream().mapToLong(c -> c.podNode.size()).sum();
    }

    public List<NodeEvent> events(long clusterId, String node) {
        Connection c = connections.get(clusterId);
        Map<String, NodeEvent> events = c == null ? null : c.events.get(node);
        return events == null ? List.of() : List.copyOf(events.values());
    }

    /**
     * A cache filled directly, without an API server (the benchmark profile measures the caches and the queries
     * with it). Such a cluster reports itself connected.
     */
    public void putStatic(long clusterId, String name, Collection<Node> nodes, Collection<Pod> pods) {
        Connection connection = new Connection(clusterId, name, null);
        nodes.forEach(n -> connection.nodes.put(n.getMetadata().getName(), NodeProjection.of(clusterId, name, n)));
        pods.forEach(p -> connection.putPod(PodProjection.of(clusterId, p)));
        connection.health = ClusterHealth.CONNECTED;
        connections.put(clusterId, connection);
        changed.set(true);
    }

    /** Hears about cache and health changes, at most once a second; returns what removes the listener. */
    public Runnable addListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notifyListeners() {
        if (changed.getAndSet(false)) {
            for (Runnable l : listeners) {
                try {
                    l.run();
                } catch (RuntimeException e) {
                    log.debug("A cache listener failed", e);
                }
            }
        }
    }

    /**
     * Probes all clusters at once, each on its own virtual thread, so that a few hung clusters (three seconds each)
     * do not delay the others' health past the ten seconds the issue promises.
     */
    private void probeAll() {
        List<Thread> probes = connections.values().stream()
                .map(c -> Thread.ofVirtual().name("cluster-probe-" + c.id).start(() -> probe(c))).toList();
        for (Thread probe : probes) {
            try {
                probe.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void probe(Connection c) {
        if (c.client == null) {
            return;
        }
        ClusterHealth before = c.health;
        try {
            int code = ping(c.client);
            if (code == 401 || code == 403) {
                throw new KubernetesClientException("refused", code, null);
            }
            // Nodes decide whether the cluster is usable; pods or events that cannot be watched (permissions,
            // a dropped watch) make it degraded.
            SharedIndexInformer<Node> nodes = c.informer;
            List<SharedIndexInformer<?>> informers = c.informers();
            boolean synced = nodes != null && nodes.hasSynced();
            boolean watching = synced && informers.stream().allMatch(i -> i.hasSynced() && i.isWatching());
            c.health = synced && watching ? ClusterHealth.CONNECTED
                    : synced ? ClusterHealth.DEGRADED : ClusterHealth.CONNECTING;
            if (c.health == ClusterHealth.CONNECTED) {
                c.detail = null;
            }
        } catch (KubernetesClientException e) {
            c.health = e.getCode() == 401 || e.getCode() == 403 ? ClusterHealth.UNAUTHORISED
                    : ClusterHealth.UNREACHABLE;
            c.detail = e.getCode() == 0 ? "connection failed" : "HTTP " + e.getCode();
        } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            c.health = ClusterHealth.UNREACHABLE;
            c.detail = "connection failed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (before != c.health) {
            log.info("Cluster {} is now {}", c.name, c.health);
            changed.set(true);
        }
    }

    /** One uncached request to {@code /version}, answered within three seconds or counted as unreachable. */
    private static int ping(KubernetesClient client) throws java.util.concurrent.ExecutionException,
            InterruptedException, java.util.concurrent.TimeoutException {
        var http = client.getHttpClient();
        var request = http.newHttpRequestBuilder().uri(KubernetesClients.apiUri(client, "version")).build();
        return http.sendAsync(request, String.class).get(3, TimeUnit.SECONDS).code();
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
        new ArrayList<>(connections.keySet()).forEach(this::close);
    }
}
