package org.sigportal.notification;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class NotificationPostgresTest extends NotificationContract {
}
