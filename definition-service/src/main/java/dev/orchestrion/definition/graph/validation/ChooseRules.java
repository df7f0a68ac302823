package dev.orchestrion.definition.graph.validation;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;

/** No case of a choose is named default: that is the output taken when no case holds. */
final class ChooseRules implements NodeTypeRules {

    @Override
    public void checkNode(Node node, Map<String, JsonNode> properties, DefinitionGraph graph, Incidents incidents) {
        JsonNode cases = properties.get("cases");
        if (cases == null || !cases.isArray()) {
            return;
        }
        for (JsonNode c : cases) {
            if ("default".equals(c.path("name").asText())) {
                incidents.add(IncidentCode.INVALID_PROPERTY, node.id(), "cases",
                        "A case may not be named default: that is the output taken when no case holds");
            }
        }
    }
}
