package org.sigportal.cluster;

import org.jspecify.annotations.Nullable;

/** What an operator gives to register a cluster. Credentials travel only inside these records. */
public sealed interface ClusterRegistration {

    String name();

    /** A pasted or uploaded kubeconfig and the context to use from it. */
    record FromKubeconfig(String name, String kubeconfig, String context) implements ClusterRegistration {

        /** The largest kubeconfig the portal reads, in characters (an uploaded file is limited to as many bytes). */
        public static final int MAX_SIZE = 256 * 1024;

        @Override
        public String toString() {
            return "FromKubeconfig[" + name + ", context " + context + "]";
        }
    }

    /** An API server URL with a bearer token and the CA certificate (PEM) that signed the server's. */
    record FromToken(String name, String apiServerUrl, String token, @Nullable String caCertificatePem,
                     boolean skipTlsVerify) implements ClusterRegistration {
        @Override
        public String toString() {
            return "FromToken[" + name + ", " + apiServerUrl + "]";
        }
    }

    /** The cluster the portal itself runs in, through its service account. */
    record InCluster(String name) implements ClusterRegistration {
    }
}
