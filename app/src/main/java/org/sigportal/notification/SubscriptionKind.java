package org.sigportal.notification;

/** What a member watches: one thread (by id), a category (by id) or a tag (by name). */
public enum SubscriptionKind { THREAD, CATEGORY, TAG }
