package dev.orchestrion.cases.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orchestrion.cases.model.ParameterSetEntity;

/** A parameter set as clients and runner-service see it. */
public record ParameterSetResponse(UUID id, UUID workflowDefinitionId,
        @Schema(description = "The published version the values were validated against; null for a never-started draft", nullable = true) Integer definitionVersion,
        @Schema(description = "The values, with the schema's defaults applied") Map<String, Object> parameters,
        Instant createdAt) {

    /** The set with {@code parameters} as the caller may see them (redacted values masked). */
    public static ParameterSetResponse of(ParameterSetEntity set, Map<String, Object> parameters) {
        return new ParameterSetResponse(set.id, set.workflowDefinitionId, set.definitionVersion, parameters,
                set.createdAt);
    }
}
