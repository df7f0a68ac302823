package dev.orchestrion.cases.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One parameter of a workflow definition's parameter schema.
 *
 * @param name the parameter's name, the key of its value in a parameter set
 * @param typeName the declared type as the schema names it (see {@link ParameterType})
 * @param required whether a value (or a default) must be present
 * @param defaultValue applied when the value is absent; null when there is none
 * @param redacted whether the value must never appear in logs or history
 * @param validations the rules the value must meet
 */
public record ParameterDeclaration(String name, String typeName, boolean required, JsonNode defaultValue,
        boolean redacted, ParameterValidations validations) {

    public ParameterDeclaration {
        validations = validations == null ? ParameterValidations.NONE : validations;
        defaultValue = defaultValue == null || defaultValue.isNull() || defaultValue.isMissingNode()
                ? null
                : defaultValue;
    }
}
