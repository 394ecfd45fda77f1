package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

/** A page of the fleet's nodes: filters (null or blank match all), a sort column and direction. */
public record NodeQuery(@Nullable String text, @Nullable Long clusterId, NodeView.@Nullable NodeStatus status,
                        @Nullable String osImage, @Nullable String labelSelector, NodeSort sort, boolean ascending,
                        int offset, int limit) {

    public enum NodeSort { NAME, CLUSTER, STATUS, OS_IMAGE, KERNEL, RUNTIME, KUBELET, AGE }

    public static NodeQuery all() {
        return new NodeQuery(null, null, null, null, null, NodeSort.NAME, true, 0, Integer.MAX_VALUE);
    }
}
