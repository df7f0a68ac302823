package dev.orchestrion.definition.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * What a designer edits: the definition graph and its settings (docs/node-types.md, "A definition"). The draft, a
 * pending revision and every published version hold one of these. {@code eager} and {@code nodeEvents}
 * null mean the platform default.
 */
public record DefinitionContent(String name, String description, List<String> tags, String folderId,
        String exclusiveGroup, String timeout, @JsonDeserialize(using = StrictBoolean.class) Boolean eager,
        @JsonDeserialize(using = StrictBoolean.class) Boolean nodeEvents, List<ParameterSpec> parameters,
        Trigger trigger, List<Node> nodes, List<ExecutionConnector> executionConnectors,
        List<DataConnector> dataConnectors, List<JsonNode> contents) {

    /** The same content with absent lists as empty lists and an absent trigger as an API trigger. */
    public DefinitionContent normalized() {
        return new DefinitionContent(name, description, tags == null ? List.of() : tags, blankToNull(folderId),
                blankToNull(exclusiveGroup), timeout, eager, nodeEvents, parameters == null ? List.of() : parameters,
                trigger == null ? Trigger.api() : trigger, nodes == null ? List.of() : nodes,
                executionConnectors == null ? List.of() : executionConnectors,
                dataConnectors == null ? List.of() : dataConnectors, contents == null ? List.of() : contents);
    }

    public DefinitionContent withName(String newName) {
        return new DefinitionContent(newName, description, tags, folderId, exclusiveGroup, timeout, eager, nodeEvents,
                parameters, trigger, nodes, executionConnectors, dataConnectors, contents);
    }

    public DefinitionContent withFolderId(String newFolderId) {
        return new DefinitionContent(name, description, tags, newFolderId, exclusiveGroup, timeout, eager, nodeEvents,
                parameters, trigger, nodes, executionConnectors, dataConnectors, contents);
    }

    public DefinitionContent withNodes(List<Node> newNodes) {
        return new DefinitionContent(name, description, tags, folderId, exclusiveGroup, timeout, eager, nodeEvents,
                parameters, trigger, newNodes, executionConnectors, dataConnectors, contents);
    }

    public String triggerKind() {
        return trigger == null || trigger.kind() == null ? "api" : trigger.kind();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
