package org.sigportal.cluster.internal.demo;

import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.Protocol;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

/**
 * A simulated Kubernetes API server, in process, for the demo fleet: several clusters behind one port, each under
 * its own path ({@code http://127.0.0.1:PORT/NAME/}), each with its own bearer token.
 *
 * <p>Why this ships in the application jar: it is fabric8's CRUD mock server ({@code kubernetes-server-mock}, with
 * Vert.x), which keeps objects in memory and serves lists, watches and writes like an API server, so the demo
 * fleet goes through exactly the portal's own Kubernetes client code. It is started only in demo mode, listens
 * on the loopback interface only (never on an outside address), needs its random per-start token, and runs plain
 * HTTP (which is why the TLS certificate generator's BouncyCastle is left out of the build). {@link SimulatedCluster}
 * adds what the CRUD server lacks: discovery, field and set-based label selectors, strategic-merge and merge
 * patches, and the Eviction API.
 */
public final class SimulatedApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedApiServer.class);
    /** The mock web server logs every request at INFO through java.util.logging: kept to warnings. */
    private static final java.util.logging.Logger REQUEST_LOG =
            java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    private final MockWebServer web;
    private final Map<String, SimulatedCluster> clusters = new ConcurrentHashMap<>();

    private SimulatedApiServer(MockWebServer web) {
        this.web = web;
    }

    /** Starts an empty server on a random loopback port. */
    public static SimulatedApiServer start() {
        REQUEST_LOG.setLevel(Level.WARNING);
        MockWebServer web = new MockWebServer();
        // HTTP/1.1 only: the JDK client would otherwise ask to upgrade every request to h2c.
        web.setProtocols(List.of(Protocol.HTTP_1_1));
        web.setHttp2ClearTextEnabled(false);
        SimulatedApiServer server = new SimulatedApiServer(web);
        web.setDispatcher(server.new Router());
        try {
            web.start(loopback(), 0);
        } catch (RuntimeException e) {
            web.shutdown();
            throw e;
        }
        return server;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a cluster serving the given objects (stored as they are: their metadata is kept). */
    public SimulatedCluster addCluster(String name, String gitVersion, Collection<? extends io.fabric8.kubernetes.api.model.HasMetadata> objects) {
        SimulatedCluster cluster = new SimulatedCluster(name, "http://127.0.0.1:" + web.getPort() + "/" + name,
                gitVersion);
        cluster.seed(objects);
        if (clusters.putIfAbsent(name, cluster) != null) {
            throw new IllegalArgumentException("cluster " + name + " exists");
        }
        return cluster;
    }

    public @Nullable SimulatedCluster cluster(String name) {
        return clusters.get(name);
    }

    public Collection<SimulatedCluster> clusters() {
        return List.copyOf(clusters.values());
    }

    public int port() {
        return web.getPort();
    }

    @Override
    public void close() {
        web.shutdown();
    }

    /** Sends each request to its cluster by the first path segment. */
    private final class Router extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath() == null ? "/" : request.getPath();
            int end = path.length();
            for (int i = 1; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '/' || c == '?') {
                    end = i;
                    break;
                }
            }
            SimulatedCluster cluster = clusters.get(path.substring(Math.min(1, path.length()), end));
            if (cluster == null) {
                return Responses.status(404, "NotFound", "the server could not find the requested resource");
            }
            String rest = end == path.length() ? "/" : path.charAt(end) == '?' ? "/" + path.substring(end)
                    : path.substring(end);
            try {
                return cluster.handle(request, rest);
            } catch (RuntimeException e) {
                log.warn("Simulated API server: {} {} failed", request.getMethod(), rest, e);
                return Responses.status(500, "InternalError", String.valueOf(e.getMessage()));
            }
        }
    }
}
