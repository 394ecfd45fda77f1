package org.sigportal.audit;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class AuditTrailPostgresTest extends AuditTrailContract {
}
