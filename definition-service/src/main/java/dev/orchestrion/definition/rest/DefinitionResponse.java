package dev.orchestrion.definition.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.DataConnector;
import dev.orchestrion.definition.model.DefinitionContent;
import dev.orchestrion.definition.model.DefinitionStatus;
import dev.orchestrion.definition.model.ExecutionConnector;
import dev.orchestrion.definition.model.Node;
import dev.orchestrion.definition.model.ParameterSpec;
import dev.orchestrion.definition.model.StoredDefinition;
import dev.orchestrion.definition.model.Trigger;
import dev.orchestrion.definition.service.DefinitionView;

/**
 * A definition as clients see it: the draft (for an ACTIVE or PAUSED one with {@code pendingRevision}, the pending
 * revision), its lifecycle status, its latest published version and, when ACTIVE, its priority position.
 */
public record DefinitionResponse(String id, String name, String description, List<String> tags, String folderId,
        String exclusiveGroup, String timeout, Boolean eager, Boolean nodeEvents, List<ParameterSpec> parameters,
        Trigger trigger, List<Node> nodes, List<ExecutionConnector> executionConnectors,
        List<DataConnector> dataConnectors, List<JsonNode> contents, DefinitionStatus status, long revision,
        Integer publishedVersion, boolean pendingRevision, Integer priority, Instant scheduledStartAt,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static DefinitionResponse of(DefinitionView view) {
        StoredDefinition s = view.stored();
        DefinitionContent c = view.draft().normalized();
        return new DefinitionResponse(s.id(), c.name(), c.description(), c.tags(), c.folderId(), c.exclusiveGroup(),
                c.timeout(), c.eager(), c.nodeEvents(), c.parameters(), c.trigger(), c.nodes(), c.executionConnectors(),
                c.dataConnectors(), c.contents(), s.status(), s.revision(), s.publishedVersion(), s.pendingRevision(),
                view.priorityPosition(), s.scheduledStartAt(), s.createdAt(), s.createdBy(), s.updatedAt(),
                s.updatedBy());
    }
}
