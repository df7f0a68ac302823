package dev.orchestrion.runner.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription as clients see it. */
public record WebhookResponse(UUID id, String url, List<String> events, String description, Instant createdAt,
        Instant updatedAt) {
}
