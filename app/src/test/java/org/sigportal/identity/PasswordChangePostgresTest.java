package org.sigportal.identity;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class PasswordChangePostgresTest extends PasswordChangeContract {
}
