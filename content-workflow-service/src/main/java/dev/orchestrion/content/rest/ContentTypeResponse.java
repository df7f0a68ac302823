package dev.orchestrion.content.rest;

import java.time.Instant;

/** A content type definition as clients see it. */
public record ContentTypeResponse(String name, String label, String workflowId, long version, Instant createdAt,
        Instant updatedAt) {
}
