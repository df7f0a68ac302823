package dev.orchestrion.runner.webhook.service;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.config.WebhookConfig;
import dev.orchestrion.runner.webhook.model.CreatedWebhook;
import dev.orchestrion.runner.webhook.model.Delivery;
import dev.orchestrion.runner.webhook.model.DeliveryStatus;
import dev.orchestrion.runner.webhook.model.IssuedSecret;
import dev.orchestrion.runner.webhook.model.SigningSecrets;
import dev.orchestrion.runner.webhook.model.SubscriptionSettings;
import dev.orchestrion.runner.webhook.model.WebhookSubscription;
import dev.orchestrion.runner.webhook.repository.DeliveryRepository;
import dev.orchestrion.runner.webhook.repository.WebhookSubscriptionRepository;
import dev.orchestrion.support.outbound.OutboundTargets;
import dev.orchestrion.support.outbound.OutboundTargets.SavedTarget;
import dev.orchestrion.support.paging.Page;
import dev.orchestrion.support.problem.Problem;
import dev.orchestrion.support.problem.ProblemException;

/**
 * Webhook subscriptions of the caller's tenant, their secrets, and the delivery log. Secrets are stored encrypted
 * ({@link SigningSecretCipher}) and shown only in the answer that creates or rotates them.
 */
@ApplicationScoped
public class WebhookService {

    private static final Duration MAX_GRACE = Duration.ofDays(7);

    private final WebhookSubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Pool pool;
    private final WebhookConfig config;
    private final OutboundTargets targets;
    private final SigningSecretCipher cipher;

    public WebhookService(WebhookSubscriptionRepository subscriptions, DeliveryRepository deliveries, Pool pool,
            WebhookConfig config, OutboundTargets targets, SigningSecretCipher cipher) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.pool = pool;
        this.config = config;
        this.targets = targets;
        this.cipher = cipher;
    }

    /** Subscribes the URL, unless the outbound guard would refuse to call it (400 naming {@code url}). */
    public Uni<CreatedWebhook> create(String tenant, SubscriptionSettings settings) {
        String[] events = checkedEvents(settings.events());
        // Resolved before the transaction opens: DNS never holds a database connection.
        return targets.requireAllowed(List.of(SavedTarget.url("url", settings.url())))
                .chain(() -> Panache.withTransaction(() -> {
                    WebhookSubscription s = new WebhookSubscription();
                    s.id = UUID.randomUUID();
                    s.tenant = tenant;
                    s.url = settings.url();
                    s.events = events;
                    s.description = settings.description();
                    String secret = WebhookSignature.newSecret();
                    s.secret = cipher.seal(secret, SigningSecrets.subscriptionOwner(s.id));
                    s.createdAt = now();
                    s.updatedAt = s.createdAt;
                    return subscriptions.persist(s).map(created -> new CreatedWebhook(created, secret));
                }));
    }

    @WithSession
    public Uni<WebhookSubscription> get(String tenant, UUID id) {
        return subscriptions.findInTenant(tenant, id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Webhook", id));
    }

    @WithSession
    public Uni<Page<WebhookSubscription>> list(String tenant, int page, int size) {
        return subscriptions.pageInTenant(tenant, page, size)
                .chain(items -> subscriptions.countInTenant(tenant).map(total -> new Page<>(items, page, size, total)));
    }

    /** Replaces the subscription's URL and events; a URL the outbound guard would refuse is a 400 naming it. */
    public Uni<WebhookSubscription> update(String tenant, UUID id, SubscriptionSettings settings) {
        String[] events = checkedEvents(settings.events());
        return targets.requireAllowed(List.of(SavedTarget.url("url", settings.url())))
                .chain(() -> Panache.withTransaction(() -> subscriptions.findInTenant(tenant, id).onItem().ifNull()
                        .failWith(() -> ProblemException.notFound("Webhook", id)).invoke(s -> {
                            s.url = settings.url();
                            s.events = events;
                            s.description = settings.description();
                            s.updatedAt = now();
                        })));
    }

    /** Deletes the subscription; its deliveries (pending ones included) go with it. */
    @WithTransaction
    public Uni<Void> delete(String tenant, UUID id) {
        return get(tenant, id).chain(subscriptions::delete);
    }

    /**
     * A new secret; the old one keeps verifying for the grace period (both signatures are sent meanwhile). The old
     * one moves as stored: both are encrypted for the same subscription.
     */
    @WithTransaction
    public Uni<IssuedSecret> rotate(String tenant, UUID id, String gracePeriod) {
        Duration grace = grace(gracePeriod);
        return get(tenant, id).map(s -> {
            Instant now = now();
            String secret = WebhookSignature.newSecret();
            s.previousSecret = s.secret;
            s.previousSecretExpiresAt = now.plus(grace);
            s.secret = cipher.seal(secret, SigningSecrets.subscriptionOwner(s.id));
            s.updatedAt = now;
            return new IssuedSecret(secret, s.previousSecretExpiresAt);
        });
    }

    /** A new secret for the tenant's run callbacks (callbackUrl); the old one verifies for the grace period. */
    public Uni<IssuedSecret> rotateCallbackSecret(String tenant, String gracePeriod) {
        Duration grace = grace(gracePeriod);
        Instant now = now();
        String secret = WebhookSignature.newSecret();
        return deliveries.rotateCallbackSecret(pool, tenant, cipher.seal(secret, SigningSecrets.callbackOwner(tenant)),
                now, now.plus(grace)).map(ignored -> new IssuedSecret(secret, now.plus(grace)));
    }

    /** The delivery log of one subscription, newest first. */
    public Uni<Page<Delivery>> deliveriesOf(String tenant, UUID subscriptionId, DeliveryStatus status, int page,
            int size) {
        return get(tenant, subscriptionId).chain(s -> deliveries.search(pool,
                new DeliveryRepository.Search(tenant, subscriptionId, null, status), page, size));
    }

    /** Deliveries of the tenant, of one run (its subscriptions' and its callback's) when {@code runId} is given. */
    public Uni<Page<Delivery>> deliveries(String tenant, UUID runId, DeliveryStatus status, int page, int size) {
        return deliveries.search(pool, new DeliveryRepository.Search(tenant, null, runId, status), page, size);
    }

    public Uni<Delivery> delivery(String tenant, UUID id) {
        return deliveries.find(pool, tenant, id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Webhook delivery", id));
    }

    /** Sends a delivery again (with the same webhook-id), with a fresh retry budget, whatever its status. */
    public Uni<Delivery> redeliver(String tenant, UUID id) {
        return deliveries.redeliver(pool, tenant, id, now()).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Webhook delivery", id));
    }

    static String[] checkedEvents(List<String> events) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!WebhookEventTypes.isKnown(events.get(i))) {
                errors.add(new Problem.FieldError("events[" + i + "]",
                        "unknown event type " + events.get(i) + "; one of " + WebhookEventTypes.ALL));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("Unknown webhook event types", errors);
        }
        return new LinkedHashSet<>(events).toArray(String[]::new);
    }

    private Duration grace(String gracePeriod) {
        if (gracePeriod == null || gracePeriod.isBlank()) {
            return config.rotationGracePeriod();
        }
        try {
            Duration grace = Duration.parse(gracePeriod);
            if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
                throw ProblemException.validation("gracePeriod", "must be between PT0S and P7D");
            }
            return grace;
        } catch (DateTimeParseException e) {
            throw ProblemException.validation("gracePeriod", "must be an ISO-8601 duration such as PT24H");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
