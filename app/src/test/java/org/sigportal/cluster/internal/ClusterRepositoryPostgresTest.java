package org.sigportal.cluster.internal;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class ClusterRepositoryPostgresTest extends ClusterRepositoryContract {
}
