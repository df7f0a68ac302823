package dev.orchestrion.runner.webhook.rest;

import java.time.Instant;
import java.util.List;

import dev.orchestrion.runner.webhook.model.CreatedWebhook;
import dev.orchestrion.runner.webhook.model.Delivery;
import dev.orchestrion.runner.webhook.model.DeliveryStatus;
import dev.orchestrion.runner.webhook.model.IssuedSecret;
import dev.orchestrion.runner.webhook.model.SubscriptionSettings;
import dev.orchestrion.runner.webhook.model.WebhookSubscription;

/** Webhook subscriptions, deliveries and secrets to their REST representations, and bodies to what the service takes. */
public final class WebhookViews {

    private WebhookViews() {
    }

    public static WebhookResponse toResponse(WebhookSubscription s) {
        return new WebhookResponse(s.id, s.url, List.of(s.events), s.description, null, activeGrace(s), s.createdAt,
                s.updatedAt);
    }

    /** The answer to a create: the only time the secret is shown (in clear; it is stored encrypted). */
    public static WebhookResponse toCreated(CreatedWebhook created) {
        WebhookSubscription s = created.subscription();
        return new WebhookResponse(s.id, s.url, List.of(s.events), s.description, created.secret(), null, s.createdAt,
                s.updatedAt);
    }

    public static DeliveryView toView(Delivery d) {
        return new DeliveryView(d.id(), d.subscriptionId(), d.url(), d.eventId(), d.eventType(), d.runId(), d.status(),
                d.attempts(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.createdAt(),
                d.deliveredAt(), d.lastStatusCode(), d.lastError(),
                d.attemptLog().stream().map(a -> new DeliveryView.AttemptView(a.attempt(), a.attemptedAt(),
                        a.statusCode(), a.latencyMs(), a.error())).toList());
    }

    /** The body of a create or an update, as the service takes it. */
    public static SubscriptionSettings toSettings(CreateWebhookRequest request) {
        return new SubscriptionSettings(request.url(), request.events(), request.description());
    }

    /** A secret just issued: shown once. */
    public static SecretResponse toResponse(IssuedSecret issued) {
        return new SecretResponse(issued.secret(), issued.previousSecretExpiresAt());
    }

    private static Instant activeGrace(WebhookSubscription s) {
        return s.previousSecretExpiresAt != null && s.previousSecretExpiresAt.isAfter(Instant.now())
                ? s.previousSecretExpiresAt
                : null;
    }
}
