package dev.orchestrion.definition.graph.validation;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;

/** A delay needs the property its mode names (duration, until, weekday, or time for timeOfDay). */
final class DelayRules implements NodeTypeRules {

    @Override
    public void checkNode(Node node, Map<String, JsonNode> properties, DefinitionGraph graph, Incidents incidents) {
        JsonNode mode = properties.get("mode");
        if (mode == null || !mode.isTextual()) {
            return;
        }
        String needed = switch (mode.asText()) {
            case "duration" -> "duration";
            case "until" -> "until";
            case "weekday" -> "weekday";
            case "timeOfDay" -> "time";
            default -> null;
        };
        if (needed != null && ValueFormats.isAbsent(properties.get(needed)) && !graph.isFed(node, needed)) {
            incidents.add(IncidentCode.MISSING_PROPERTY, node.id(), needed,
                    "A delay in mode " + mode.asText() + " needs property " + needed);
        }
    }
}
