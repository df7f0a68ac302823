package dev.orchestrion.runner.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A webhook subscription as clients see it; {@code secret} only in the answer that creates it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(UUID id, String url, List<String> events, String description,
        @Schema(description = "The signing secret (whsec_...), shown only when the subscription is created; it is stored encrypted and never returned again") String secret,
        @Schema(description = "Until when the secret replaced by the last rotation still verifies") Instant previousSecretExpiresAt,
        Instant createdAt, Instant updatedAt) {
}
