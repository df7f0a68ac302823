package dev.orchestrion.content.model.workflow;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The checks a parameter value must pass, each with the localized message shown when it fails. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterValidations(Required required, Length minLength, Length maxLength, Regex regex,
        AllowedValues allowedValues) {

    public boolean requiresValue() {
        return required != null;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Required(Map<String, String> message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Length(Integer value, Map<String, String> message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Regex(String pattern, Map<String, String> message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AllowedValues(List<JsonNode> values, Map<String, String> message) {
    }
}
