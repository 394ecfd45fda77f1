package org.sigportal.cluster.internal;

import org.sigportal.support.H2Database;

@H2Database
class ClusterRepositoryH2Test extends ClusterRepositoryContract {
}
