package dev.orchestrion.content.rest;

import java.time.Instant;
import java.util.List;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.model.ContentType;

/** A content type definition as clients see it. */
public record ContentTypeResponse(String id, String name, String label, boolean internal, String workflowId,
        List<ContentField> fields, long version, Instant createdAt, Instant updatedAt) {

    public static ContentTypeResponse of(ContentType t) {
        return new ContentTypeResponse(t.id(), t.name(), t.label(), false, t.workflowId(), t.fields(), t.version(),
                t.createdAt(), t.updatedAt());
    }
}
