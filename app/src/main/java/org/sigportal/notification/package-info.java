/**
 * Telling members what happened while they were away: watching threads, categories and tags; in-app
 * notifications of replies, mentions, quotes and watched activity (the bell, pushed live); e-mail digests over
 * SMTP; and outgoing webhooks for new threads and posts, signed with a shared secret.
 */
@NullMarked
package org.sigportal.notification;

import org.jspecify.annotations.NullMarked;
