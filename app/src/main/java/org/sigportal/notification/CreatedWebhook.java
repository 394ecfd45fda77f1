package org.sigportal.notification;

/** A webhook just added, with its secret: the only time the secret is shown. */
public record CreatedWebhook(Webhook webhook, String secret) {
}
