package org.sigportal.cluster.internal;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.sigportal.cluster.ClusterHealth;
import org.sigportal.cluster.NodeView;
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
 * One informer cache per connected cluster (fabric8 shared informers), holding trimmed node projections, so
 * that no user request lists from an API server. A probe every two seconds tells each cluster's health; the
 * informers reconnect by themselves with back-off. Listeners hear about changes at most once a second.
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
        volatile @Nullable SharedIndexInformer<Node> informer;
        volatile ClusterHealth health = ClusterHealth.CONNECTING;
        volatile @Nullable String detail;

        Connection(long id, String name, @Nullable KubernetesClient client) {
            this.id = id;
            this.name = name;
            this.client = client;
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
        SharedIndexInformer<Node> informer = client.nodes().runnableInformer(0);
        informer.exceptionHandler((started, t) -> {
            connection.detail = t.getMessage();
            return true; // keep retrying, with the client's back-off
        });
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node) {
                connection.nodes.put(node.getMetadata().getName(), NodeProjection.of(id, name, node));
                changed.set(true);
            }

            @Override
            public void onUpdate(Node old, Node node) {
                onAdd(node);
            }

            @Override
            public void onDelete(Node node, boolean unknownFinalState) {
                connection.nodes.remove(node.getMetadata().getName());
                changed.set(true);
            }
        });
        connection.informer = informer;
        informer.start();
        scheduler.execute(() -> probe(connection));
    }

    void close(long id) {
        Connection old = connections.remove(id);
        if (old != null) {
            SharedIndexInformer<Node> informer = old.informer;
            if (informer != null) {
                informer.stop();
            }
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

    /**
     * A cache filled directly, without an API server (the benchmark profile measures the caches and the queries
     * with it). Such a cluster reports itself connected.
     */
    public void putStatic(long clusterId, String name, java.util.Collection<NodeView> nodes) {
        Connection connection = new Connection(clusterId, name, null);
        nodes.forEach(n -> connection.nodes.put(n.name(), n));
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

    private void probeAll() {
        connections.values().forEach(this::probe);
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
            SharedIndexInformer<Node> informer = c.informer;
            boolean synced = informer != null && informer.hasSynced();
            boolean watching = informer != null && informer.isWatching();
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
