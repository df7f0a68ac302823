package dev.orchestrion.runner.webhook.model;

import java.util.List;

/**
 * What a client sets on a webhook subscription, when it creates one and when it replaces one.
 *
 * @param url where deliveries are POSTed
 * @param events the event types delivered (see {@code WebhookEventTypes})
 * @param description free text, or null
 */
public record SubscriptionSettings(String url, List<String> events, String description) {
}
