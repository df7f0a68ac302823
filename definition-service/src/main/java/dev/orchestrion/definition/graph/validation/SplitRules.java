package dev.orchestrion.definition.graph.validation;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;

/** A split has at least two branches and, when weighted, a branch with a positive weight. */
final class SplitRules implements NodeTypeRules {

    @Override
    public void checkNode(Node node, Map<String, JsonNode> properties, DefinitionGraph graph, Incidents incidents) {
        JsonNode branches = properties.get("branches");
        if (branches == null || !branches.isArray()) {
            return;
        }
        if (branches.size() < 2) {
            incidents.add(IncidentCode.INVALID_PROPERTY, node.id(), "branches", "A split needs at least two branches");
        }
        JsonNode mode = properties.get("mode");
        boolean weighted = mode != null && "weighted".equals(mode.asText());
        long total = 0;
        for (JsonNode branch : branches) {
            total += branch.path("weight").asLong(0);
        }
        if (weighted && total <= 0) {
            incidents.add(IncidentCode.INVALID_PROPERTY, node.id(), "branches",
                    "A weighted split needs at least one branch with a positive weight");
        }
    }
}
