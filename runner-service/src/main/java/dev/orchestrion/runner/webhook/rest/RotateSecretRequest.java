package dev.orchestrion.runner.webhook.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a secret rotation. */
public record RotateSecretRequest(
        @Schema(description = "How long the old secret still verifies (ISO-8601, at most P7D); default PT24H", examples = "PT24H") String gracePeriod) {
}
