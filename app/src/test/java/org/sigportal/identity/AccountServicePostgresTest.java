package org.sigportal.identity;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class AccountServicePostgresTest extends AccountServiceContract {
}
