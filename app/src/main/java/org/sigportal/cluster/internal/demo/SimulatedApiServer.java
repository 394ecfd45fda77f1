package org.sigportal.cluster.internal.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulated Kubernetes API server, in process, for the demo fleet: several clusters behind one port, each under
 * its own path ({@code http://127.0.0.1:PORT/NAME/}), each with its own bearer token.
 *
 * <p>Why this ships in the application jar: it is fabric8's CRUD mock server ({@code kubernetes-server-mock}, with
 * Vert.x), which keeps objects in memory and serves lists, watches and writes like an API server, so the demo
 * fleet goes through exactly the portal's own Kubernetes client code. It is started only in demo mode, listens
 * on the loopback interface only (never on an outside address), needs its random per-start token, and runs plain
 * HTTP. The HTTP side is Vert.x with the mock server's own request and WebSocket handling; its {@code MockWebServer}
 * class is not used, as it needs BouncyCastle (for TLS certificates), which the build leaves out.
 * {@link SimulatedCluster} adds what the CRUD server lacks: discovery, field and set-based label selectors,
 * strategic-merge and merge patches, and the Eviction API.
 */
public final class SimulatedApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedApiServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Vertx vertx;
    private final HttpServer http;
    private final Map<String, SimulatedCluster> clusters = new ConcurrentHashMap<>();

    private SimulatedApiServer(Vertx vertx) {
        this.vertx = vertx;
        // HTTP/1.1 only (the JDK client would otherwise ask to upgrade every request to h2c), on loopback only.
        this.http = vertx.createHttpServer(new HttpServerOptions().setHost(LOOPBACK).setPort(0)
                .setHttp2ClearTextEnabled(false).setHandle100ContinueAutomatically(true));
        Dispatcher router = new Router();
        http.requestHandler(new HttpServerRequestHandler(vertx) {
            @Override
            protected MockResponse onHttpRequest(RecordedRequest request) {
                return router.dispatch(request);
            }
        });
    }

    /** Starts an empty server on a random loopback port. */
    public static SimulatedApiServer start() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        SimulatedApiServer server = new SimulatedApiServer(vertx);
        try {
            await(server.http.listen());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("simulated API server: " + e.getMessage(), e);
        }
    }

    /** Adds a cluster serving the given objects (stored as they are: their metadata is kept). */
    public SimulatedCluster addCluster(String name, String gitVersion, Collection<? extends HasMetadata> objects) {
        SimulatedCluster cluster = new SimulatedCluster(name, "http://" + LOOPBACK + ":" + port() + "/" + name,
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
        return http.actualPort();
    }

    /** Stops listening and closes open watches. */
    @Override
    public void close() {
        try {
            await(vertx.close());
        } catch (RuntimeException e) {
            log.warn("The simulated API server did not stop cleanly: {}", e.getMessage());
        }
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
