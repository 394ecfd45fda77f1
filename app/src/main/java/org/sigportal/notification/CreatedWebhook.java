package org.sigportal.notification;

/** A webhook just added, with its secret: the only time the secret is shown. */
public record CreatedWebhook(Webhook webhook, String secret) {

    /** Without the secret: a record's own {@code toString} would put it into any log line that prints this. */
    @Override
    public String toString() {
        return "CreatedWebhook[webhook=" + webhook + ", secret=(redacted)]";
    }
}
