package org.sigportal.discussion;

import org.sigportal.support.H2Database;

@H2Database
class DiscussionH2Test extends DiscussionContract {
}
