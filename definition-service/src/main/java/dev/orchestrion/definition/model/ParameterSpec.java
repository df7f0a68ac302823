package dev.orchestrion.definition.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One declared run parameter (docs/node-types.md, "Parameters"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterSpec(String name, String type, Boolean required, @JsonProperty("default") JsonNode defaultValue,
        Boolean redacted, String description, ParameterValidations validations) {
}
