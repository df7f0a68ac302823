package dev.orchestrion.runner.webhook.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook delivery with its log of attempts, as the delivery log shows it. */
public record Delivery(UUID id, String tenant, UUID subscriptionId, String url, UUID eventId, String eventType,
        UUID runId, DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant createdAt, Instant updatedAt,
        Instant deliveredAt, Integer lastStatusCode, String lastError, List<Attempt> attemptLog) {

    /** One attempt: when, the receiver's status code (none when it could not be reached), how long, what failed. */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, int latencyMs, String error) {
    }

    public Delivery withAttempts(List<Attempt> log) {
        return new Delivery(id, tenant, subscriptionId, url, eventId, eventType, runId, status, attempts, nextAttemptAt,
                createdAt, updatedAt, deliveredAt, lastStatusCode, lastError, log);
    }
}
