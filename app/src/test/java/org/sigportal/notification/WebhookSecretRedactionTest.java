package org.sigportal.notification;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A webhook's secret never shows in what {@code toString} gives, so it cannot end up in a log line. */
class WebhookSecretRedactionTest {

    @Test
    void aCreatedWebhookPrintsEverythingButItsSecret() {
        Webhook hook = new Webhook(7, "https://chat.example.org/hook", Set.of(WebhookEvent.values()[0]), true,
                OffsetDateTime.parse("2026-01-02T03:04:05Z"), "admin", null, null, null, 0);
        CreatedWebhook created = new CreatedWebhook(hook, "s3cr3t-shared-value-0123456789");
        assertThat(created.toString()).doesNotContain("s3cr3t-shared-value-0123456789")
                .contains("https://chat.example.org/hook", "redacted");
        // The record's other parts still work as before.
        assertThat(created.secret()).isEqualTo("s3cr3t-shared-value-0123456789");
        assertThat(created).isEqualTo(new CreatedWebhook(hook, "s3cr3t-shared-value-0123456789"));
    }
}
