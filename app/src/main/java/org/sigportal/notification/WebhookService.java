package org.sigportal.notification;

import org.jspecify.annotations.Nullable;
import org.sigportal.audit.AuditService;
import org.sigportal.base.CurrentActor;
import org.sigportal.base.secrets.CredentialCipher;
import org.sigportal.notification.internal.JooqWebhookRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Outgoing webhooks, managed by admins: an http or https address, the events it wants, and a shared secret that
 * signs each delivery. The secret is generated unless one is given, stored encrypted and shown only once.
 * Adding and removing are audited (never with the secret).
 */
@Service
public class WebhookService {

    static final String READ = "hasRole('ADMIN') and hasAuthority('SCOPE_read')";
    static final String MANAGE = "hasRole('ADMIN') and hasAuthority('SCOPE_community-write')";
    static final String TARGET = "webhook";

    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 200;
    private static final int MAX_URL = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JooqWebhookRepository repository;
    private final CredentialCipher cipher;
    private final AuditService audit;
    private final Clock clock;

    WebhookService(JooqWebhookRepository repository, CredentialCipher cipher, AuditService audit, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Webhook> list() {
        return repository.list();
    }

    /**
     * Adds a webhook. {@code secret} blank: a random one is generated. The answer carries the secret: the only
     * time anyone sees it.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public CreatedWebhook add(String url, Collection<WebhookEvent> events, @Nullable String secret) {
        String address = checkUrl(url);
        if (events == null || events.isEmpty()) {
            throw new NotificationException("webhooks.error.events", "events");
        }
        String shared = secret == null || secret.isBlank() ? generateSecret() : secret.strip();
        if (shared.length() < MIN_SECRET || shared.length() > MAX_SECRET) {
            throw new NotificationException("webhooks.error.secret", "secret", MIN_SECRET, MAX_SECRET);
        }
        Set<WebhookEvent> wanted = EnumSet.copyOf(events);
        long id = repository.insert(address, cipher.encrypt(shared), wanted, CurrentActor.nameOrAnonymous(),
                OffsetDateTime.now(clock));
        audit.success("webhook.create", TARGET, String.valueOf(id), URI.create(address).getHost() + " "
                + wanted.stream().map(WebhookEvent::id).sorted().toList());
        return new CreatedWebhook(repository.find(id).orElseThrow(), shared);
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public void remove(long id) {
        Webhook webhook = repository.find(id)
                .orElseThrow(() -> new NotificationException("webhooks.error.not-found", null));
        repository.delete(id);
        audit.success("webhook.delete", TARGET, String.valueOf(id), URI.create(webhook.url()).getHost());
    }

    /** An absolute http or https address with a host and no user name or password in it; refused otherwise. */
    static String checkUrl(@Nullable String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty() || u.length() > MAX_URL) {
            throw new NotificationException("webhooks.error.url", "url");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new NotificationException("webhooks.error.url", "url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new NotificationException("webhooks.error.scheme", "url");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new NotificationException("webhooks.error.url", "url");
        }
        if (uri.getRawUserInfo() != null) {
            throw new NotificationException("webhooks.error.credentials", "url");
        }
        return u;
    }

    /** The refusal of an event id that is none of {@link WebhookEvent}'s. */
    public static RuntimeException unknownEvent(String id) {
        return new NotificationException("webhooks.error.unknown-event", "events", id);
    }

    private static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
