package dev.orchestrion.definition.mapping;

import dev.orchestrion.definition.model.WorkflowDefinition;
import dev.orchestrion.definition.rest.DefinitionResponse;

/** Stored definitions to their REST representation. */
public final class DefinitionMapper {

    private DefinitionMapper() {
    }

    public static DefinitionResponse toResponse(WorkflowDefinition d) {
        return new DefinitionResponse(d.id(), d.name(), d.description(), d.tags(), d.status(), d.revision(),
                d.createdAt(), d.updatedAt());
    }
}
