package org.sigportal.notification;

import org.sigportal.support.H2Database;

@H2Database
class NotificationH2Test extends NotificationContract {
}
