package org.sigportal.notification.internal;

import org.jspecify.annotations.Nullable;
import org.sigportal.notification.Webhook;
import org.sigportal.notification.WebhookEvent;
import org.sigportal.db.tables.records.WebhookRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.sigportal.db.Tables.WEBHOOK;

/** Outgoing webhooks: the secret only ever in its encrypted form, and each one's latest delivery. */
@Repository
public class JooqWebhookRepository {

    /** What a delivery needs: the address and the encrypted secret. */
    public record Target(long id, String url, String sealedSecret) {
    }

    /** The longest delivery status kept. */
    static final int MAX_STATUS = 300;

    private final DSLContext dsl;

    JooqWebhookRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(String url, String sealedSecret, Collection<WebhookEvent> events, String createdBy,
                       OffsetDateTime now) {
        return dsl.insertInto(WEBHOOK).set(WEBHOOK.URL, url).set(WEBHOOK.SECRET, sealedSecret)
                .set(WEBHOOK.EVENTS, events.stream().sorted().map(WebhookEvent::id).collect(Collectors.joining(",")))
                .set(WEBHOOK.ENABLED, true).set(WEBHOOK.CREATED_BY, createdBy).set(WEBHOOK.CREATED_AT, now)
                .returning(WEBHOOK.ID).fetchOne(WEBHOOK.ID);
    }

    public List<Webhook> list() {
        return dsl.selectFrom(WEBHOOK).orderBy(WEBHOOK.ID).fetch(JooqWebhookRepository::toWebhook);
    }

    public Optional<Webhook> find(long id) {
        return dsl.selectFrom(WEBHOOK).where(WEBHOOK.ID.eq(id)).fetchOptional(JooqWebhookRepository::toWebhook);
    }

    public boolean delete(long id) {
        return dsl.deleteFrom(WEBHOOK).where(WEBHOOK.ID.eq(id)).execute() == 1;
    }

    /** The enabled webhooks that want this event. */
    public List<Target> targets(WebhookEvent event) {
        return dsl.selectFrom(WEBHOOK).where(WEBHOOK.ENABLED.isTrue()).orderBy(WEBHOOK.ID).fetch().stream()
                .filter(r -> events(r.getEvents()).contains(event))
                .map(r -> new Target(r.getId(), r.getUrl(), r.getSecret())).toList();
    }

    public void recordDelivery(long id, OffsetDateTime at, boolean ok, String status) {
        dsl.update(WEBHOOK).set(WEBHOOK.LAST_DELIVERY_AT, at).set(WEBHOOK.LAST_DELIVERY_OK, ok)
                .set(WEBHOOK.LAST_DELIVERY_STATUS, status.length() > MAX_STATUS ? status.substring(0, MAX_STATUS)
                        : status)
                .where(WEBHOOK.ID.eq(id)).execute();
    }

    private static Webhook toWebhook(WebhookRecord r) {
        return new Webhook(r.getId(), r.getUrl(), events(r.getEvents()), r.getEnabled(), r.getCreatedAt(),
                r.getCreatedBy(), r.getLastDeliveryAt(), r.getLastDeliveryOk(), r.getLastDeliveryStatus(),
                r.getVersion());
    }

    private static Set<WebhookEvent> events(@Nullable String stored) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (stored != null) {
            Arrays.stream(stored.split(",")).map(String::strip).map(WebhookEvent::fromId)
                    .flatMap(Optional::stream).forEach(events::add);
        }
        return events;
    }
}
