package dev.orchestrion.cases.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The answer of {@code GET /definitions/{id}/parameter-schema}; fields definition-service may add are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ParameterSchemaDocument(UUID definitionId, String status, Integer version, List<ParameterDocument> parameters) {
}
