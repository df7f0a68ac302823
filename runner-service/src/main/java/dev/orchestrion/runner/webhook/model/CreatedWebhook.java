package dev.orchestrion.runner.webhook.model;

/** A subscription just created, and its signing secret in clear: the only time it is shown (it is stored encrypted). */
public record CreatedWebhook(WebhookSubscription subscription, String secret) {
}
