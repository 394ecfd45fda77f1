package org.sigportal.identity.internal;

import org.sigportal.support.H2Database;

@H2Database
class ApiTokenRepositoryH2Test extends ApiTokenRepositoryContract {
}
