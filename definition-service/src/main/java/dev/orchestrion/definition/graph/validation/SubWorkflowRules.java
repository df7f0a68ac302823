package dev.orchestrion.definition.graph.validation;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orchestrion.definition.model.IncidentCode;
import dev.orchestrion.definition.model.Node;

/** A subWorkflow names a definition by its id, and the tenant has that definition. */
final class SubWorkflowRules implements NodeTypeRules {

    @Override
    public void checkProperty(Node node, String property, JsonNode value, References references, Incidents incidents) {
        if (!"definitionId".equals(property)) {
            return;
        }
        if (!ValueFormats.isUuid(value.asText())) {
            incidents.invalidProperty(node.id(), property, "must be a definition id (a UUID)");
        } else if (!references.definitionExists().test(value.asText())) {
            incidents.add(IncidentCode.UNKNOWN_DEFINITION, node.id(), property,
                    "No workflow definition " + value.asText() + " exists in this tenant");
        }
    }
}
