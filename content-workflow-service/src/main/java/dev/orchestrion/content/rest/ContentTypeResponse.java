package dev.orchestrion.content.rest;

import java.time.Instant;
import java.util.List;

import dev.orchestrion.content.model.ContentField;

/** A content type definition as clients see it. */
public record ContentTypeResponse(String id, String name, String label, boolean internal, String workflowId,
        List<ContentField> fields, long version, Instant createdAt, Instant updatedAt) {
}
