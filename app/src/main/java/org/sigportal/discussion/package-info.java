/**
 * The community's round-table between meetings: categories (one per SIG and a general one), threads with
 * Markdown posts, replies and quotes, edit history, tags and statuses, search in Chinese and English.
 */
@NullMarked
package org.sigportal.discussion;

import org.jspecify.annotations.NullMarked;
