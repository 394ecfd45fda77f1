package org.sigportal.identity;

import org.sigportal.support.H2Database;

@H2Database
class PasswordChangeH2Test extends PasswordChangeContract {
}
