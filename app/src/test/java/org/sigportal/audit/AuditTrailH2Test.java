package org.sigportal.audit;

import org.sigportal.support.H2Database;

@H2Database
class AuditTrailH2Test extends AuditTrailContract {
}
