package org.sigportal.notification.internal;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class NotificationRepositoryPostgresTest extends NotificationRepositoryContract {
}
