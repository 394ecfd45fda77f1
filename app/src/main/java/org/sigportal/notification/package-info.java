/**
 * Telling members what happened while they were away: watching threads, categories and tags; in-app
 * notifications of replies, mentions, quotes and watched activity (the bell, pushed live); and e-mail digests
 * over SMTP.
 */
@NullMarked
package org.sigportal.notification;

import org.jspecify.annotations.NullMarked;
