package dev.orchestrion.definition.rest;

import java.time.Instant;
import java.util.List;

import dev.orchestrion.definition.model.DefinitionStatus;

/** One definition in a search result. */
public record DefinitionSummary(String id, String name, String description, List<String> tags, String folderId,
        DefinitionStatus status, String triggerKind, String exclusiveGroup, Integer publishedVersion,
        boolean pendingRevision, long revision, Instant scheduledStartAt, Instant createdAt, Instant updatedAt) {
}
