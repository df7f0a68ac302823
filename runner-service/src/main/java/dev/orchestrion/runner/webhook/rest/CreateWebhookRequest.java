package dev.orchestrion.runner.webhook.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /webhooks} and {@code PUT /webhooks/{id}}. */
public record CreateWebhookRequest(
        @Schema(description = "Where deliveries are POSTed", examples = "https://hooks.example.com/orchestrion") @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
        @Schema(description = "run.started, run.waiting, run.completed, run.failed, run.cancelled, node.started, node.completed, node.failed") @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> events,
        @Size(max = 500) String description) {
}
