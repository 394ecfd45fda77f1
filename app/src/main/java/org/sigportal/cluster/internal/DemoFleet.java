package org.sigportal.cluster.internal;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.CurrentActor;
import org.sigportal.base.demo.DemoContent;
import org.sigportal.base.demo.DemoMode;
import org.sigportal.cluster.internal.demo.DemoFleetData;
import org.sigportal.cluster.internal.demo.SimulatedApiServer;
import org.sigportal.cluster.internal.demo.SimulatedCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The demo fleet: in demo mode (and unless {@code portal.demo.fleet.enabled=false}) a simulated API server on
 * loopback serves three clusters of a few hundred nodes ({@link DemoFleetData}). They are registered once, with the
 * rest of the demo content, as clusters marked demo, with encrypted credentials like any other, and the portal
 * reaches them through its ordinary client code and caches. The server lives in memory: on every start it is
 * started again, on a new port with new tokens, and the stored demo clusters are pointed at it before the caches
 * open. With demo mode or the demo fleet off, the server is not started and stored demo clusters are removed.
 */
@Component
class DemoFleet implements SmartLifecycle, DemoContent {

    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
    private static final String TARGET = "cluster";

    /** What the background start produced. */
    private record Started(SimulatedApiServer server, List<DemoFleetData.DemoCluster> clusters, long millis,
                           long cpuMillis) {
    }

    private final boolean active;
    private final JooqClusterRepository clusters;
    private final ClusterConnector connector;
    private final AuditService audit;
    private final Clock clock;
    private final @Nullable CompletableFuture<Started> starting;
    private volatile @Nullable Started started;
    private volatile boolean running;

    DemoFleet(DemoMode demoMode, @Value("${portal.demo.fleet.enabled:true}") boolean fleetEnabled,
              JooqClusterRepository clusters, ClusterConnector connector, AuditService audit, Clock clock) {
        this.active = demoMode.enabled() && fleetEnabled;
        this.clusters = clusters;
        this.connector = connector;
        this.audit = audit;
        this.clock = clock;
        // Generating and serving a few hundred nodes takes a moment on a cold JVM: it runs while the rest starts.
        this.starting = active ? CompletableFuture.supplyAsync(this::startServer, task -> {
            Thread thread = new Thread(task, "demo-fleet-start");
            thread.setDaemon(true);
            thread.start();
        }) : null;
    }

    private Started startServer() {
        long t0 = System.nanoTime();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        List<DemoFleetData.DemoCluster> fleet = DemoFleetData.generate(clock.instant());
        SimulatedApiServer server = SimulatedApiServer.start();
        try {
            fleet.forEach(c -> server.addCluster(c.name(), c.kubernetesVersion(), c.objects()));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new Started(server, fleet, (System.nanoTime() - t0) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
    }

    /** The running simulated API server, if the demo fleet is on. */
    @Nullable SimulatedApiServer server() {
        Started s = started;
        return s == null ? null : s.server();
    }

    @Override
    public void start() {
        running = true;
        if (!active || starting == null) {
            removeStored();
            return;
        }
        long t0 = System.nanoTime();
        Started s;
        try {
            s = starting.join();
        } catch (CompletionException e) {
            log.error("The demo fleet's simulated API server could not start: the demo clusters stay unreachable",
                    e.getCause());
            return;
        }
        started = s;
        int nodes = s.server().clusters().stream().mapToInt(c -> c.count("nodes")).sum();
        int pods = s.server().clusters().stream().mapToInt(c -> c.count("pods")).sum();
        log.info("Demo fleet: {} clusters, {} nodes and {} pods on a simulated API server at 127.0.0.1:{}, ready in "
                        + "{} ms beside the rest of the start ({} ms CPU); the start waited {} ms for it",
                s.clusters().size(), nodes, pods, s.server().port(), s.millis(), s.cpuMillis(),
                (System.nanoTime() - t0) / 1_000_000);
        repointStored(s.server());
    }

    /** Points the stored demo clusters at this start's server, before the caches open (on application ready). */
    private void repointStored(SimulatedApiServer server) {
        for (var c : clusters.all()) {
            if (!c.demo()) {
                continue;
            }
            SimulatedCluster simulated = server.cluster(c.name());
            if (simulated == null) {
                remove(c, "not part of the demo fleet any more");
                continue;
            }
            try {
                var validated = connector.validateSimulated(simulated.url(), simulated.token());
                clusters.repoint(c.id(), validated.server(), validated.encrypted(), validated.kubernetesVersion(),
                        validated.apiVersions(), OffsetDateTime.now(clock));
            } catch (RuntimeException e) {
                log.error("Could not reconnect demo cluster {}: {}", c.name(), e.getMessage());
            }
        }
    }

    private void removeStored() {
        for (var c : clusters.all()) {
            if (c.demo()) {
                remove(c, "demo fleet off");
            }
        }
    }

    private void remove(JooqClusterRepository.StoredCluster c, String why) {
        connector.close(c.id());
        if (clusters.delete(c.id(), c.version())) {
            audit.recordAs(CurrentActor.SYSTEM, "cluster.remove", TARGET, c.name(), AuditOutcome.SUCCESS, why);
            log.info("Removed demo cluster {}: {}", c.name(), why);
        }
    }

    // --- DemoContent: registered once, with the rest of the demo content, into an empty database

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String name() {
        return "demo fleet";
    }

    @Override
    public void seed() {
        Started s = started;
        if (s == null) {
            return; // the demo fleet is off, or its server did not start
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (DemoFleetData.DemoCluster c : s.clusters()) {
            SimulatedCluster simulated = s.server().cluster(c.name());
            if (simulated == null || clusters.nameExists(c.name())) {
                continue;
            }
            var validated = connector.validateSimulated(simulated.url(), simulated.token());
            long id = clusters.insert(c.name(), validated.source(), validated.server(), validated.encrypted(), true,
                    validated.kubernetesVersion(), validated.apiVersions(), now);
            clusters.setTarget(id, 0, c.targetOsImage(), now);
            audit.recordAs(CurrentActor.SYSTEM, "cluster.register", TARGET, c.name(), AuditOutcome.SUCCESS,
                    "demo fleet " + validated.server());
        }
    }

    // --- Lifecycle: started before the web server, stopped after it

    @Override
    public void stop() {
        running = false;
        Started s = started;
        started = null;
        if (s == null) {
            return;
        }
        // Close the demo clusters' caches first, so that their watches do not retry against a server that is gone.
        try {
            clusters.all().stream().filter(JooqClusterRepository.StoredCluster::demo).forEach(c -> connector.close(c.id()));
        } catch (RuntimeException e) {
            log.debug("Could not list the demo clusters at shut-down", e);
        }
        s.server().close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** A start that never reached {@link #start()} (the context failed) must not leave the server running. */
    @PreDestroy
    void destroy() {
        stop();
        if (starting != null) {
            starting.thenAccept(s -> s.server().close());
        }
    }
}
