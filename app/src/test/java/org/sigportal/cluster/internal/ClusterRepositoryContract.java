package org.sigportal.cluster.internal;

import org.junit.jupiter.api.Test;
import org.sigportal.cluster.ClusterSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The cluster registry's storage on every supported database: versioned edits, fleet target. */
abstract class ClusterRepositoryContract {

    @Autowired
    JooqClusterRepository clusters;
    @Autowired
    TransactionTemplate tx;

    @Test
    void clustersAreStoredVersionedAndRemoved() {
        String name = "repo-" + System.nanoTime() % 1_000_000;
        OffsetDateTime now = OffsetDateTime.now();
        long id = tx.execute(s -> clusters.insert(name, ClusterSource.TOKEN, "https://10.0.0.1:6443", "v1:sealed",
                false, "v1.20.2", "v1 node.k8s.io/v1", now));

        var stored = clusters.find(id).orElseThrow();
        assertThat(stored.name()).isEqualTo(name);
        assertThat(stored.credentials()).isEqualTo("v1:sealed");
        assertThat(clusters.nameExists(name)).isTrue();

        Boolean first = tx.execute(s -> clusters.setTarget(id, stored.version(), "LifseaOS 2.0", now));
        Boolean stale = tx.execute(s -> clusters.setTarget(id, stored.version(), "Anolis OS 8.8", now));
        assertThat(first).isTrue();
        assertThat(stale).isFalse();
        assertThat(clusters.find(id).orElseThrow().targetOsImage()).isEqualTo("LifseaOS 2.0");

        tx.executeWithoutResult(s -> clusters.setFleetTarget("LifseaOS 2.0"));
        assertThat(clusters.fleetTarget()).contains("LifseaOS 2.0");
        tx.executeWithoutResult(s -> clusters.setFleetTarget(null));
        assertThat(clusters.fleetTarget()).isEmpty();

        int version = clusters.find(id).orElseThrow().version();
        Boolean removed = tx.execute(s -> clusters.delete(id, version));
        assertThat(removed).isTrue();
        assertThat(clusters.find(id)).isEmpty();
    }
}
