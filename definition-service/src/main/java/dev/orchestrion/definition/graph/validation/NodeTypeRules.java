package dev.orchestrion.definition.graph.validation;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.Node;

/**
 * The rules one node type adds to what the catalog declares of its properties, one class per node type that has any
 * (as runner-service has one executor per node type): a property's value beyond its format, and how the node's
 * properties fit together.
 */
interface NodeTypeRules {

    /** For the node types whose properties the catalog describes completely. */
    NodeTypeRules NONE = new NodeTypeRules() {
    };

    /** A property whose value is well-formed for its format: what this node type asks of it beyond that. */
    default void checkProperty(Node node, String property, JsonNode value, References references, Incidents incidents) {
    }

    /** Once every property is checked: how the node's properties fit together. */
    default void checkNode(Node node, Map<String, JsonNode> properties, DefinitionGraph graph, Incidents incidents) {
    }
}
