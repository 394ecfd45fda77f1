package org.sigportal.base;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class MigrationsPostgresTest extends MigrationsContract {
}
