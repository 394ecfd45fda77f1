package org.sigportal.cluster;

/** How a cluster was registered. */
public enum ClusterSource { KUBECONFIG, TOKEN, IN_CLUSTER }
