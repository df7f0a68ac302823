package dev.orchestrion.definition.graph.validation;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.Node;

/** A forEach's chunks hold at least one item. */
final class ForEachRules implements NodeTypeRules {

    @Override
    public void checkProperty(Node node, String property, JsonNode value, References references, Incidents incidents) {
        if ("chunkSize".equals(property) && value.asInt() < 1) {
            incidents.invalidProperty(node.id(), property, "must be at least 1");
        }
    }
}
