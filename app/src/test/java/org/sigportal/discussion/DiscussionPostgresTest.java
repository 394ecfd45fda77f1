package org.sigportal.discussion;

import org.sigportal.support.PostgresDatabase;

@PostgresDatabase
class DiscussionPostgresTest extends DiscussionContract {
}
