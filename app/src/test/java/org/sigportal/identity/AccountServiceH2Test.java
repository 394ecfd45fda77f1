package org.sigportal.identity;

import org.sigportal.support.H2Database;

@H2Database
class AccountServiceH2Test extends AccountServiceContract {
}
