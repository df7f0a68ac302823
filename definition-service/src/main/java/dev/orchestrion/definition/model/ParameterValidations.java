package dev.orchestrion.definition.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The checks a parameter value must pass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterValidations(Number min, Number max, Integer minLength, Integer maxLength, String pattern,
        @JsonProperty("enum") List<JsonNode> allowed, Integer minItems, Integer maxItems) {
}
