package dev.orchestrion.runner.trigger.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /events}: a business event that may start workflows. */
public record PublishEventRequest(
        @Schema(description = "The event type event triggers name (not case.* or entry.*, which are the platform's own)", examples = "order.placed") @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*", message = "must be letters, digits, '.', '_', ':' or '-'") String type,
        @Schema(description = "The case the triggered runs are for; without one they run for each workflow's system case") UUID caseId,
        @Schema(description = "The event's data, seen by filters and runs as trigger.data") Map<String, Object> data,
        @Schema(description = "Who sent it, free text") @Size(max = 200) String source) {
}
