package dev.orchestrion.definition.rest;

import java.time.Instant;
import java.util.List;

import dev.orchestrion.definition.model.DefinitionStatus;

/** A workflow definition as clients see it. */
public record DefinitionResponse(String id, String name, String description, List<String> tags, DefinitionStatus status,
        long revision, Instant createdAt, Instant updatedAt) {
}
