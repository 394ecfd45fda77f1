package org.sigportal.notification.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * How webhook deliveries behave ({@code portal.webhooks.*}).
 *
 * @param connectTimeout longest wait for a connection (default 3s)
 * @param timeout        longest wait for the answer (default 5s)
 * @param retryDelays    the waits before each retry of a failed delivery (default 1s, 5s, 25s: four attempts in
 *                       all); a 4xx answer other than 408 and 429 is not retried
 */
@ConfigurationProperties("portal.webhooks")
public record WebhookProperties(Duration connectTimeout, Duration timeout, List<Duration> retryDelays) {

    public WebhookProperties(@Nullable Duration connectTimeout, @Nullable Duration timeout,
                             @Nullable List<Duration> retryDelays) {
        this.connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        this.timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        this.retryDelays = retryDelays == null
                ? List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(25))
                : List.copyOf(retryDelays);
    }
}
