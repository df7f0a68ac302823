package dev.orchestrion.content.mapping;

import dev.orchestrion.content.model.ContentType;
import dev.orchestrion.content.rest.ContentTypeResponse;

/** Stored content types to their REST representation. */
public final class ContentTypeMapper {

    private ContentTypeMapper() {
    }

    public static ContentTypeResponse toResponse(ContentType t) {
        return new ContentTypeResponse(t.id(), t.name(), t.label(), false, t.workflowId(), t.fields(), t.version(),
                t.createdAt(), t.updatedAt());
    }
}
