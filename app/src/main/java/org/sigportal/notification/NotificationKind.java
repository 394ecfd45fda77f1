package org.sigportal.notification;

import java.util.Locale;

/**
 * Why a member is told about a post, the strongest reason first: a member gets one notification per post, for
 * the first reason in this order that their preferences allow.
 */
public enum NotificationKind {
    /** The post names them as {@code @username}. */
    MENTION,
    /** The post quotes one of theirs. */
    QUOTE,
    /** A reply in a thread they watch and wrote in (they started it or replied). */
    REPLY,
    /** A new thread in a category or with a tag they watch. */
    NEW_THREAD,
    /** A reply in a thread, category or tag they watch. */
    WATCHED;

    /** The key of the line that describes it: {@code notifications.kind.mention} and so on. */
    public String messageKey() {
        return "notifications.kind." + name().toLowerCase(Locale.ROOT);
    }
}
