package org.sigportal.cluster.internal;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to reach one API server. Held in memory only as long as needed; stored only encrypted.
 * {@link #toString()} never shows a secret.
 */
record ClusterCredentials(String server, @Nullable String token, @Nullable String caData,
                          @Nullable String clientCertData, @Nullable String clientKeyData, boolean skipTlsVerify) {

    @Override
    public String toString() {
        return "ClusterCredentials[" + server + "]";
    }
}
