package org.sigportal.base;

import org.sigportal.support.H2Database;

@H2Database
class MigrationsH2Test extends MigrationsContract {
}
