package dev.orchestrion.definition.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable published version (docs/node-types.md, "Published versions"), served forever at
 * {@code GET /definitions/{id}/versions/{n}}.
 */
public record PublishedVersion(String definitionId, int version, Instant publishedAt, String publishedBy, String name,
        String timeout, String exclusiveGroup, Boolean eager, Boolean nodeEvents, List<ParameterSpec> parameters,
        Trigger trigger, List<Node> nodes, List<ExecutionConnector> executionConnectors,
        List<DataConnector> dataConnectors, Map<String, String> connections) {

    public static PublishedVersion of(String definitionId, int version, Instant publishedAt, String publishedBy,
            DefinitionContent content, Map<String, String> connections) {
        DefinitionContent c = content.normalized();
        return new PublishedVersion(definitionId, version, publishedAt, publishedBy, c.name(), c.timeout(),
                c.exclusiveGroup(), c.eager(), c.nodeEvents(), c.parameters(), c.trigger(), c.nodes(),
                c.executionConnectors(), c.dataConnectors(), connections);
    }
}
