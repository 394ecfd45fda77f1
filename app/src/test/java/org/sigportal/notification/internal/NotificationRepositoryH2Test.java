package org.sigportal.notification.internal;

import org.sigportal.support.H2Database;

@H2Database
class NotificationRepositoryH2Test extends NotificationRepositoryContract {
}
