package org.sigportal.cluster;

import org.sigportal.audit.AuditOutcome;
import org.sigportal.audit.AuditService;
import org.sigportal.base.ConcurrentEditException;
import org.sigportal.base.PortalException;
import org.sigportal.cluster.internal.ClusterCaches;
import org.sigportal.cluster.internal.ClusterConnector;
import org.sigportal.cluster.internal.JooqClusterRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cluster registry: register (validated live against the cluster), list with health, disable, remove,
 * and set the target OS image. Credentials are encrypted before they are stored and never leave this module.
 */
@Service
public class ClusterService {

    static final String READ = "hasAuthority('SCOPE_read') and isAuthenticated()";
    static final String OPERATE = "(hasRole('OPERATOR') or hasRole('ADMIN')) and hasAuthority('SCOPE_operate')";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String TARGET = "cluster";

    private final JooqClusterRepository clusters;
    private final ClusterConnector connector;
    private final ClusterCaches caches;
    private final AuditService audit;
    private final Clock clock;

    ClusterService(JooqClusterRepository clusters, ClusterConnector connector, ClusterCaches caches,
                   AuditService audit, Clock clock) {
        this.clusters = clusters;
        this.connector = connector;
        this.caches = caches;
        this.audit = audit;
        this.clock = clock;
    }

    /** The contexts of a pasted kubeconfig, current one first, so the operator can pick one. */
    @PreAuthorize(OPERATE)
    public List<String> contextsOf(String kubeconfig) {
        List<String> contexts = connector.contexts(kubeconfig);
        String current = connector.currentContext(kubeconfig);
        return contexts.stream().sorted((a, b) -> a.equals(current) ? -1 : b.equals(current) ? 1 : 0).toList();
    }

    @Transactional
    @PreAuthorize(OPERATE)
    public ClusterSummary register(ClusterRegistration registration) {
        String name = registration.name() == null ? "" : registration.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw new PortalException("clusters.error.name");
        }
        if (clusters.nameExists(name)) {
            throw new PortalException("clusters.error.name-taken", name);
        }
        ClusterConnector.Validated validated;
        try {
            validated = connector.validate(registration);
        } catch (PortalException e) {
            audit.failure("cluster.register", TARGET, name, AuditOutcome.FAILURE, e.messageKey());
            throw e;
        }
        long id = clusters.insert(name, validated.source(), validated.server(), validated.encrypted(), false,
                validated.kubernetesVersion(), validated.apiVersions(), OffsetDateTime.now(clock));
        audit.success("cluster.register", TARGET, name, validated.source() + " " + validated.server());
        connector.open(id, name, validated.encrypted());
        return summary(clusters.find(id).orElseThrow());
    }

    /**
     * Renames a cluster and replaces its credentials (a rotated token, a new kubeconfig), validated live like a
     * registration; the cache reconnects with them. {@code expectedVersion} guards against a concurrent change.
     */
    @Transactional
    @PreAuthorize(OPERATE)
    public ClusterSummary edit(long id, int expectedVersion, ClusterRegistration registration) {
        var cluster = clusters.find(id).orElseThrow(() -> new PortalException(PortalException.Kind.NOT_FOUND, "clusters.error.not-found"));
        String name = registration.name() == null ? "" : registration.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw new PortalException("clusters.error.name");
        }
        if (!name.equals(cluster.name()) && clusters.nameExists(name)) {
            throw new PortalException("clusters.error.name-taken", name);
        }
        if (cluster.demo()) {
            throw new PortalException("clusters.error.demo-edit");
        }
        ClusterConnector.Validated validated;
        try {
            validated = connector.validate(registration);
        } catch (PortalException e) {
            audit.failure("cluster.edit", TARGET, cluster.name(), AuditOutcome.FAILURE, e.messageKey());
            throw e;
        }
        if (!clusters.update(id, expectedVersion, name, validated.source(), validated.server(), validated.encrypted(),
                validated.kubernetesVersion(), validated.apiVersions(), OffsetDateTime.now(clock))) {
            throw new ConcurrentEditException();
        }
        audit.success("cluster.edit", TARGET, name, (name.equals(cluster.name()) ? "" : "was " + cluster.name() + "; ")
                + validated.source() + " " + validated.server());
        if (cluster.enabled()) {
            connector.open(id, name, validated.encrypted());
        }
        return summary(clusters.find(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<ClusterSummary> list() {
        return clusters.all().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public ClusterSummary get(long id) {
        return summary(clusters.find(id).orElseThrow(
                () -> new PortalException(PortalException.Kind.NOT_FOUND, "clusters.error.not-found")));
    }

    @Transactional
    @PreAuthorize(OPERATE)
    public void setEnabled(long id, int expectedVersion, boolean enabled) {
        var cluster = clusters.find(id).orElseThrow(() -> new PortalException(PortalException.Kind.NOT_FOUND, "clusters.error.not-found"));
        if (!clusters.setEnabled(id, expectedVersion, enabled, OffsetDateTime.now(clock))) {
            throw new ConcurrentEditException();
        }
        audit.success(enabled ? "cluster.enable" : "cluster.disable", TARGET, cluster.name(), null);
        if (enabled) {
            connector.open(id, cluster.name(), cluster.credentials());
        } else {
            connector.close(id);
        }
    }

    @Transactional
    @PreAuthorize(OPERATE)
    public void remove(long id, int expectedVersion) {
        var cluster = clusters.find(id).orElseThrow(() -> new PortalException(PortalException.Kind.NOT_FOUND, "clusters.error.not-found"));
        if (!clusters.delete(id, expectedVersion)) {
            throw new ConcurrentEditException();
        }
        audit.success("cluster.remove", TARGET, cluster.name(), null);
        connector.close(id);
    }

    /** The OS image a cluster's nodes should run; blank clears it (the fleet-wide target then applies). */
    @Transactional
    @PreAuthorize(OPERATE)
    public void setTargetOsImage(long id, int expectedVersion, String target) {
        var cluster = clusters.find(id).orElseThrow(() -> new PortalException(PortalException.Kind.NOT_FOUND, "clusters.error.not-found"));
        String value = target == null || target.isBlank() ? null : target.trim();
        if (!clusters.setTarget(id, expectedVersion, value, OffsetDateTime.now(clock))) {
            throw new ConcurrentEditException();
        }
        audit.success("cluster.target-os", TARGET, cluster.name(), value);
    }

    @Transactional
    @PreAuthorize(OPERATE)
    public void setFleetTargetOsImage(String target) {
        String value = target == null || target.isBlank() ? null : target.trim();
        clusters.setFleetTarget(value);
        audit.success("fleet.target-os", "fleet", null, value);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public String fleetTargetOsImage() {
        return clusters.fleetTarget().orElse("");
    }

    private ClusterSummary summary(JooqClusterRepository.StoredCluster c) {
        ClusterHealth health = c.enabled() ? caches.health(c.id()) : ClusterHealth.DISABLED;
        return new ClusterSummary(c.id(), c.name(), c.source(), c.apiServerUrl(), c.enabled(), c.demo(),
                c.kubernetesVersion(), c.apiVersions() == null ? List.of() : Arrays.asList(c.apiVersions().split(" ")),
                c.targetOsImage(), health, caches.healthDetail(c.id()), caches.nodeCount(c.id()), c.version());
    }
}
