package org.sigportal.cluster;

/** How the portal's connection to a cluster is doing right now. */
public enum ClusterHealth {
    /** Connecting for the first time, or the cache is still filling. */
    CONNECTING,
    CONNECTED,
    /** Reachable, but the cache could not follow every change (a watch keeps failing). */
    DEGRADED,
    UNREACHABLE,
    /** The API server refuses the stored credentials. */
    UNAUTHORISED,
    DISABLED
}
