package dev.orchestrion.definition.model;

import java.time.Instant;
import java.util.List;

/** A workflow definition as stored: one MongoDB document per definition, scoped to a tenant. */
public record WorkflowDefinition(String id, String tenant, String name, String description, List<String> tags,
        DefinitionStatus status, long revision, Instant createdAt, Instant updatedAt) {
}
