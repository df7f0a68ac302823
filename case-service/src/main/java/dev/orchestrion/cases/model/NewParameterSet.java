package dev.orchestrion.cases.model;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a new parameter set is made of: the definition its values are for, and the values by parameter name. */
public record NewParameterSet(UUID workflowDefinitionId, ObjectNode parameters) {
}
