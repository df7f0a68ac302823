package dev.orchestrion.runner.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /webhooks}. */
public record CreateWebhookRequest(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> events, @Size(max = 500) String description) {
}
