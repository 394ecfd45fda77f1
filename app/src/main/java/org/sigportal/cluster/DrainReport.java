package org.sigportal.cluster;

import java.util.List;

/**
 * What a drain did: pods evicted (and gone), pods evicted but still terminating when the time-out came, pods the
 * API server refused to evict (a disruption budget, usually) and pods skipped on purpose (DaemonSet, mirror).
 */
public record DrainReport(String node, List<String> evicted, List<String> stillTerminating, List<PodIssue> refused,
                          List<PodIssue> skipped) {

    public record PodIssue(String pod, String reason) {
    }

    public boolean complete() {
        return refused.isEmpty() && stillTerminating.isEmpty();
    }
}
