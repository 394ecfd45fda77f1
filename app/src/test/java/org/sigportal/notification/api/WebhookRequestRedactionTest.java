package org.sigportal.notification.api;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's request and answer of a new webhook print without the secret. */
class WebhookRequestRedactionTest {

    @Test
    void theSecretOfANewWebhookIsNotInItsToString() {
        var request = new WebhookController.NewWebhook("https://chat.example.org/hook", Set.of("post.created"),
                "given-secret-abcdefghijklmnop");
        assertThat(request.toString()).doesNotContain("given-secret-abcdefghijklmnop")
                .contains("https://chat.example.org/hook", "post.created", "redacted");
        assertThat(new WebhookController.NewWebhook("https://x.example", Set.of(), null).toString())
                .contains("secret=null");

        var created = new WebhookController.Created(new WebhookController.WebhookView(1, "https://x.example",
                java.util.List.of("post.created"), true, "2026-01-02T03:04:05Z", "admin", null, null, null),
                "generated-secret-abcdefghijklmnop");
        assertThat(created.toString()).doesNotContain("generated-secret-abcdefghijklmnop").contains("redacted");
    }
}
