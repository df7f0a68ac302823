package dev.orchestrion.runner.webhook.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.config.WebhookConfig;
import dev.orchestrion.runner.webhook.model.ClaimedDelivery;
import dev.orchestrion.runner.webhook.model.SigningSecrets;
import dev.orchestrion.runner.webhook.repository.DeliveryRepository;

/**
 * Turns run events into durable deliveries: one per event and subscription that asked for its type, and one per
 * terminal event of a run requested with a callbackUrl. A delivery's id comes from the event id and the target, so a
 * replayed event creates nothing new. Deliveries whose target has a free slot are created already claimed by this
 * instance and sent at once (no poll delay); the others wait for a worker's poll.
 */
@ApplicationScoped
public class WebhookDeliveryPlanner {

    private final Pool pool;
    private final DeliveryRepository deliveries;
    private final WebhookDispatcher dispatcher;
    private final WebhookConfig config;
    private final SigningSecretCipher cipher;

    public WebhookDeliveryPlanner(Pool pool, DeliveryRepository deliveries, WebhookDispatcher dispatcher,
            WebhookConfig config, SigningSecretCipher cipher) {
        this.pool = pool;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.config = config;
        this.cipher = cipher;
    }

    /** Plans (and starts) the deliveries of a batch of events; completes once they are stored. */
    public Uni<Void> plan(List<RunEventForWebhooks> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        Set<String> tenants = new HashSet<>();
        Set<UUID> endedRuns = new HashSet<>();
        for (RunEventForWebhooks event : events) {
            tenants.add(event.tenant());
            if (WebhookEventTypes.CALLBACK.contains(event.type()) && event.runId() != null) {
                endedRuns.add(event.runId());
            }
        }
        return deliveries.subscribersOf(pool, tenants, now).chain(subscribers -> deliveries
                .callbackUrls(pool, endedRuns).chain(callbacks -> callbackSecrets(events, callbacks, now)
                        .chain(callbackSecrets -> store(plan(events, subscribers, callbacks, callbackSecrets), now))));
    }

    private Uni<Map<String, SigningSecrets>> callbackSecrets(List<RunEventForWebhooks> events,
            Map<UUID, String> callbacks, Instant now) {
        Map<String, String> fresh = new HashMap<>();
        for (RunEventForWebhooks event : events) {
            if (callbacks.containsKey(event.runId())) {
                fresh.computeIfAbsent(event.tenant(),
                        t -> cipher.seal(WebhookSignature.newSecret(), SigningSecrets.callbackOwner(t)));
            }
        }
        return deliveries.callbackSecrets(pool, fresh, now);
    }

    /** A delivery to create, with the secrets to sign it if it is sent at once. */
    private record Planned(DeliveryRepository.NewDelivery delivery, SigningSecrets secrets) {
    }

    private static List<Planned> plan(List<RunEventForWebhooks> events, List<DeliveryRepository.Subscriber> subscribers,
            Map<UUID, String> callbacks, Map<String, SigningSecrets> callbackSecrets) {
        Map<String, List<DeliveryRepository.Subscriber>> byTenant = new HashMap<>();
        subscribers.forEach(s -> byTenant.computeIfAbsent(s.tenant(), t -> new ArrayList<>()).add(s));
        List<Planned> planned = new ArrayList<>();
        for (RunEventForWebhooks event : events) {
            String body = null;
            for (DeliveryRepository.Subscriber subscriber : byTenant.getOrDefault(event.tenant(), List.of())) {
                if (subscriber.events().contains(event.type()) && !event.before(subscriber.createdAt())) {
                    body = body == null ? event.body() : body;
                    planned.add(new Planned(
                            new DeliveryRepository.NewDelivery(deliveryId(event.eventId(), subscriber.id().toString()),
                                    event.tenant(), subscriber.id(), subscriber.url(), subscriber.id().toString(),
                                    event.eventId(), event.type(), event.runId(), body, null, event.traceparent()),
                            subscriber.secrets()));
                }
            }
            String callback = callbacks.get(event.runId());
            if (callback != null && WebhookEventTypes.CALLBACK.contains(event.type())) {
                planned.add(new Planned(
                        new DeliveryRepository.NewDelivery(deliveryId(event.eventId(), "callback"), event.tenant(),
                                null, callback, callbackTarget(callback), event.eventId(), event.type(), event.runId(),
                                body == null ? event.body() : body, null, event.traceparent()),
                        callbackSecrets.getOrDefault(event.tenant(), SigningSecrets.NONE)));
            }
        }
        return planned;
    }

    private Uni<Void> store(List<Planned> planned, Instant now) {
        if (planned.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID token = UUID.randomUUID();
        List<DeliveryRepository.NewDelivery> rows = new ArrayList<>(planned.size());
        List<Planned> reserved = new ArrayList<>();
        for (Planned p : planned) {
            boolean sendNow = !p.secrets().isEmpty() && dispatcher.tryReserve(p.delivery().target());
            if (sendNow) {
                reserved.add(p);
            }
            DeliveryRepository.NewDelivery d = p.delivery();
            rows.add(new DeliveryRepository.NewDelivery(d.id(), d.tenant(), d.subscriptionId(), d.url(), d.target(),
                    d.eventId(), d.eventType(), d.runId(), d.payload(), sendNow ? token : null, d.traceparent()));
        }
        return deliveries.insert(pool, rows, now, now.plus(config.lease())).onFailure()
                .invoke(e -> reserved.forEach(p -> dispatcher.release(p.delivery().target()))).invoke(inserted -> {
                    List<ClaimedDelivery> send = new ArrayList<>(reserved.size());
                    for (Planned p : reserved) {
                        DeliveryRepository.NewDelivery d = p.delivery();
                        if (inserted.contains(d.id())) {
                            send.add(new ClaimedDelivery(d.id(), d.tenant(), d.target(), d.url(), d.payload(), 0, token,
                                    p.secrets(), d.traceparent()));
                        } else {
                            dispatcher.release(d.target()); // it existed already: this event was seen before
                        }
                    }
                    dispatcher.dispatch(send);
                }).replaceWithVoid();
    }

    /** The delivery's id, also its webhook-id: the same for the same event and target, whoever computes it. */
    static UUID deliveryId(UUID eventId, String target) {
        return UUID.nameUUIDFromBytes((eventId + "/" + target).getBytes(StandardCharsets.UTF_8));
    }

    /** Callbacks are bounded per receiving host, since they have no subscription. */
    static String callbackTarget(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return "callback:" + uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "callback:" + url;
        }
    }
}
