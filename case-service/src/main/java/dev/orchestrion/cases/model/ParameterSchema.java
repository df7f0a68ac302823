package dev.orchestrion.cases.model;

import java.util.List;
import java.util.UUID;

/**
 * A workflow definition's parameter schema as definition-service serves it.
 *
 * @param definitionId the definition
 * @param version the published version it belongs to; null for the draft of a never-started definition
 * @param parameters the declared parameters
 */
public record ParameterSchema(UUID definitionId, Integer version, List<ParameterDeclaration> parameters) {

    public ParameterSchema {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
