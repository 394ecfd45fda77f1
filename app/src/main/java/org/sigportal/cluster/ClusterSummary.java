package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** A registered cluster as the views and the REST API show it: never carries credentials. */
public record ClusterSummary(long id, String name, ClusterSource source, String apiServerUrl, boolean enabled,
                             boolean demo, @Nullable String kubernetesVersion, List<String> apiVersions,
                             @Nullable String targetOsImage, ClusterHealth health, @Nullable String healthDetail,
                             int nodeCount, int version) {
}
