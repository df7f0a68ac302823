package dev.orchestrion.cases.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A parameter set as clients and runner-service see it. */
public record ParameterSetResponse(UUID id, UUID workflowDefinitionId,
        @Schema(description = "The published version the values were validated against; null for a never-started draft", nullable = true) Integer definitionVersion,
        @Schema(description = "The values, with the schema's defaults applied") Map<String, Object> parameters,
        Instant createdAt) {
}
