package dev.orchestrion.runner.mapping;

import java.util.List;

import dev.orchestrion.runner.model.WebhookSubscription;
import dev.orchestrion.runner.rest.WebhookResponse;

/** Webhook subscriptions to their REST representation. */
public final class WebhookMapper {

    private WebhookMapper() {
    }

    public static WebhookResponse toResponse(WebhookSubscription s) {
        return new WebhookResponse(s.id, s.url, List.of(s.events), s.description, s.createdAt, s.updatedAt);
    }
}
