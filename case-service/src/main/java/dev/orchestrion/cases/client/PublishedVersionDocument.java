package dev.orchestrion.cases.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of {@code GET /definitions/{id}/versions/{n}} case-service reads: the version's parameter schema. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PublishedVersionDocument(UUID definitionId, Integer version, List<ParameterDocument> parameters) {
}
