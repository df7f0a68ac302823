package dev.orchestrion.content.rest;

import java.util.List;

import jakarta.validation.constraints.Size;

import dev.orchestrion.content.model.ContentField;
import dev.orchestrion.content.service.ContentTypeSettings;
import dev.orchestrion.support.ids.ResourceId;

/**
 * The body of {@code POST /api/v1/internal/contenttype} and {@code PUT /api/v1/internal/contenttype/{name}}. Seed
 * 004's body is accepted as it is: {@code id} (kept from the first write), {@code name} (must match the path),
 * {@code label}, {@code internal} (accepted, always false here), {@code workflowId} (default {@code saved}).
 */
public record ContentTypeRequest(@Size(max = 100) @ResourceId(ResourceId.Kind.NAME) String id,
        @Size(max = 100) String name, @Size(max = 200) String label, Boolean internal,
        @Size(max = 100) @ResourceId(ResourceId.Kind.NAME) String workflowId,
        @Size(max = 200) List<ContentField> fields) {

    public ContentTypeSettings toSettings() {
        return new ContentTypeSettings(id, name, label, workflowId, fields);
    }
}
