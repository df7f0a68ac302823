package dev.orchestrion.runner.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.runner.webhook.model.DeliveryStatus;

/** A webhook delivery and its attempts, as the delivery log shows it. */
public record DeliveryView(@Schema(description = "Also the webhook-id header: stable across retries") UUID id,
        @Schema(description = "Null for a run's callbackUrl delivery") UUID subscriptionId, String url, UUID eventId,
        String eventType, UUID runId,
        @Schema(description = "PENDING (more attempts to come), SUCCEEDED, or DEAD (dead-lettered after the last attempt)") DeliveryStatus status,
        int attempts, @Schema(description = "When the next attempt is due (PENDING only)") Instant nextAttemptAt,
        Instant createdAt, Instant deliveredAt, Integer lastStatusCode, String lastError,
        List<AttemptView> attemptLog) {

    /** One attempt: when, the receiver's status code (null when it could not be reached), latency and error. */
    public record AttemptView(int attempt, Instant attemptedAt, Integer statusCode, int latencyMs, String error) {
    }
}
