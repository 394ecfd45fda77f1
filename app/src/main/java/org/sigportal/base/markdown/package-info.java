/**
 * Member-written Markdown turned into safe HTML (threads, meetings, requirements): parsed with
 * commonmark-java, raw HTML escaped, then cleaned by an allow-list HTML sanitiser. Also plain-text
 * excerpts for lists and notifications.
 */
@NullMarked
package org.sigportal.base.markdown;

import org.jspecify.annotations.NullMarked;
