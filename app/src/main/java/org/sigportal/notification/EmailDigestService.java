package org.sigportal.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.sigportal.base.i18n.PortalI18NProvider;
import org.sigportal.base.i18n.SupportedLocales;
import org.sigportal.identity.NotificationPreferences;
import org.sigportal.notification.internal.DigestProperties;
import org.sigportal.notification.internal.JooqNotificationRepository;
import org.sigportal.notification.internal.JooqNotificationRepository.DigestRecipient;
import org.sigportal.notification.internal.PublicLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * E-mail digests: each enabled member with an e-mail address and a digest chosen on their profile (daily or
 * weekly) gets, at most that often, one plain-text mail in their language listing their unread notifications that
 * were not mailed yet; those are then marked mailed. Runs on a schedule when {@code portal.mail.enabled} is true
 * (see {@code portal.mail.digest-interval}); {@link #sendDue} may also be called directly.
 */
@Service
public class EmailDigestService {

    private static final Logger log = LoggerFactory.getLogger(EmailDigestService.class);

    private final JooqNotificationRepository repository;
    private final ObjectProvider<JavaMailSender> senders;
    private final DigestProperties properties;
    private final PublicLinks links;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    EmailDigestService(JooqNotificationRepository repository, ObjectProvider<JavaMailSender> senders,
                       DigestProperties properties, PublicLinks links, Clock clock) {
        this.repository = repository;
        this.senders = senders;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    /** Mails every digest that is due now; how many mails went out. A run already going on makes this one skip. */
    public int sendDue() {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            JavaMailSender sender = senders.getIfAvailable();
            if (sender == null) {
                log.warn("No mail server is configured (spring.mail.host): no digests sent");
                return 0;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            int sent = 0;
            for (DigestRecipient member : repository.digestCandidates()) {
                if (due(member, now) && send(sender, member, now)) {
                    sent++;
                }
            }
            return sent;
        } finally {
            running.unlock();
        }
    }

    private boolean due(DigestRecipient member, OffsetDateTime now) {
        if (member.lastMailedAt() == null) {
            return true;
        }
        Duration period = member.digest() == NotificationPreferences.EmailDigest.WEEKLY ? Duration.ofDays(7)
                : Duration.ofDays(1);
        // A run a little early still counts, so that the digest does not drift by one interval every time.
        return !member.lastMailedAt().isAfter(now.minus(period).plus(properties.digestInterval()));
    }

    private boolean send(JavaMailSender sender, DigestRecipient member, OffsetDateTime now) {
        List<Notification> items = repository.pendingForDigest(member.id(), properties.maxItems());
        if (items.isEmpty()) {
            return false;
        }
        int total = Math.max(items.size(), repository.countPending(member.id()));
        try {
            sender.send(compose(sender, member, items, total));
        } catch (MailException | MessagingException e) {
            log.warn("Could not mail the digest of {}: {}", member.username(), e.getMessage());
            return false;
        }
        repository.markEmailed(member.id(), items.stream().mapToLong(Notification::id).max().orElseThrow(), now);
        return true;
    }

    private MimeMessage compose(JavaMailSender sender, DigestRecipient member, List<Notification> items, int total)
            throws MessagingException {
        Locale locale = SupportedLocales.fromTag(member.locale()).orElse(SupportedLocales.ENGLISH);
        StringBuilder text = new StringBuilder();
        text.append(t(locale, "notifications.mail.greeting", member.displayName())).append("\n\n");
        text.append(t(locale, "notifications.mail.intro")).append("\n\n");
        for (Notification n : items) {
            text.append("* ").append(t(locale, n.kind().messageKey(), actor(n), n.threadTitle())).append('\n');
            if (!n.text().isBlank()) {
                text.append("  ").append(n.text()).append('\n');
            }
            text.append("  ").append(links.link("/" + n.link())).append("\n\n");
        }
        if (total > items.size()) {
            text.append(t(locale, "notifications.mail.more", total - items.size())).append("\n\n");
        }
        text.append("-- \n").append(t(locale, "notifications.mail.footer", links.link("/account"))).append('\n');

        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(member.email());
        helper.setSubject(t(locale, "notifications.mail.subject", total));
        helper.setText(text.toString(), false);
        return message;
    }

    private static String actor(Notification n) {
        return n.actorDisplayName().isBlank() ? n.actorUsername() : n.actorDisplayName();
    }

    private static String t(Locale locale, String key, Object... args) {
        return PortalI18NProvider.translate(key, locale, args);
    }
}
