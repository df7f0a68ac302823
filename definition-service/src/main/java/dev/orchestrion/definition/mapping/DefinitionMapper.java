package dev.orchestrion.definition.mapping;

import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.StoredDefinition;
import dev.orchestrion.definition.rest.DefinitionResponse;
import dev.orchestrion.definition.rest.DefinitionSummary;
import dev.orchestrion.definition.service.DefinitionView;

/** Stored definitions to their REST representations. */
public final class DefinitionMapper {

    private DefinitionMapper() {
    }

    public static DefinitionResponse toResponse(DefinitionView view) {
        StoredDefinition s = view.stored();
        DefinitionContent c = view.draft().normalized();
        return new DefinitionResponse(s.id(), c.name(), c.description(), c.tags(), c.folderId(), c.exclusiveGroup(),
                c.timeout(), c.parameters(), c.trigger(), c.nodes(), c.executionConnectors(), c.dataConnectors(),
                c.contents(), s.status(), s.revision(), s.publishedVersion(), s.pendingRevision(),
                view.priorityPosition(), s.scheduledStartAt(), s.createdAt(), s.createdBy(), s.updatedAt(),
                s.updatedBy());
    }

    public static DefinitionSummary toSummary(StoredDefinition s) {
        return new DefinitionSummary(s.id(), s.name(), s.description(), s.tags(), s.folderId(), s.status(),
                s.triggerKind(), s.exclusiveGroup(), s.publishedVersion(), s.pendingRevision(), s.revision(),
                s.scheduledStartAt(), s.createdAt(), s.updatedAt());
    }
}
