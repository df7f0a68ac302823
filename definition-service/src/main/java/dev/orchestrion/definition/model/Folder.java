package dev.orchestrion.definition.model;

import java.time.Instant;

/** A folder of the tenant's folder tree; {@code parentId} is null at the top level. */
public record Folder(String id, String tenant, String name, String parentId, long revision, Instant createdAt,
        Instant updatedAt) {
}
