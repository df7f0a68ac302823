package dev.orchestrion.content.rest;

import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/internal/contenttype/{name}}. */
public record ContentTypeRequest(@Size(max = 200) String label, @Size(max = 100) String workflowId) {
}
