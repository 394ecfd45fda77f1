package org.sigportal.identity;

/** What a member wants to be told about, in the portal and by e-mail. */
public record NotificationPreferences(boolean replies, boolean mentions, boolean watched, EmailDigest emailDigest) {

    public enum EmailDigest { OFF, DAILY, WEEKLY }
}
