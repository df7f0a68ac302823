package dev.orchestrion.definition.rest;

import java.time.Instant;
import java.util.List;

import dev.orchestrion.definition.model.DefinitionStatus;
import dev.orchestrion.definition.model.StoredDefinition;

/** One definition in a search result. */
public record DefinitionSummary(String id, String name, String description, List<String> tags, String folderId,
        DefinitionStatus status, String triggerKind, String exclusiveGroup, Integer publishedVersion,
        boolean pendingRevision, long revision, Instant scheduledStartAt, Instant createdAt, Instant updatedAt) {

    public static DefinitionSummary of(StoredDefinition s) {
        return new DefinitionSummary(s.id(), s.name(), s.description(), s.tags(), s.folderId(), s.status(),
                s.triggerKind(), s.exclusiveGroup(), s.publishedVersion(), s.pendingRevision(), s.revision(),
                s.scheduledStartAt(), s.createdAt(), s.updatedAt());
    }
}
