package org.sigportal.notification.internal;

import org.sigportal.notification.EmailDigestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the due e-mail digests every {@code portal.mail.digest-interval}, only with {@code portal.mail.enabled}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "portal.mail.enabled", havingValue = "true")
class DigestSchedule {

    private static final Logger log = LoggerFactory.getLogger(DigestSchedule.class);

    private final EmailDigestService digests;

    DigestSchedule(EmailDigestService digests) {
        this.digests = digests;
    }

    @Scheduled(initialDelayString = "${portal.mail.digest-interval:15m}",
            fixedDelayString = "${portal.mail.digest-interval:15m}")
    void sendDue() {
        try {
            int sent = digests.sendDue();
            if (sent > 0) {
                log.info("Sent {} e-mail digests", sent);
            }
        } catch (RuntimeException e) {
            log.warn("The e-mail digest run failed", e);
        }
    }
}
