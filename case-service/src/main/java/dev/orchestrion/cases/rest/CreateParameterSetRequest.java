package dev.orchestrion.cases.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.cases.model.NewParameterSet;

/** The body of {@code POST /parameters}. */
@Schema(name = "CreateParameterSetRequest")
public record CreateParameterSetRequest(
        @Schema(description = "The workflow definition the values are for", examples = "3b2d8a4f-579f-4e2e-a51c-f859e532fe8c") @NotNull UUID workflowDefinitionId,
        @Schema(description = "Values by parameter name; checked against the definition's parameter schema") ObjectNode parameters) {

    public NewParameterSet toNewSet() {
        return new NewParameterSet(workflowDefinitionId, parameters);
    }
}
