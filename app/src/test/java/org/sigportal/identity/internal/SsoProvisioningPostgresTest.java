package org.sigportal.identity.internal;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class SsoProvisioningPostgresTest extends SsoProvisioningContract {
}
