package org.sigportal.notification.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The e-mail digest ({@code portal.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param enabled        whether digests go out on schedule (default false: nothing is mailed)
 * @param from           the sender address
 * @param digestInterval how often due digests are looked for (default 15m); a member still gets at most one a
 *                       day or a week, as they chose
 * @param maxItems       the most notifications listed in one mail (default 50; the rest are counted)
 */
@ConfigurationProperties("portal.mail")
public record DigestProperties(boolean enabled, String from, Duration digestInterval, int maxItems) {

    public DigestProperties(boolean enabled, @Nullable String from, @Nullable Duration digestInterval,
                            int maxItems) {
        this.enabled = enabled;
        this.from = from == null || from.isBlank() ? "sig-portal@localhost" : from.strip();
        this.digestInterval = digestInterval == null ? Duration.ofMinutes(15) : digestInterval;
        this.maxItems = maxItems <= 0 ? 50 : Math.min(maxItems, 500);
    }
}
