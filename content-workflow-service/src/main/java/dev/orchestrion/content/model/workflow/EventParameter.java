package dev.orchestrion.content.model.workflow;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value the invoker passes with an event ({@code data.<id>}), e.g. the message of a decline. {@code dataFormat},
 * {@code default} and {@code editor} are presentation: kept and returned as sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventParameter(String id, Map<String, String> name, String dataType, JsonNode dataFormat,
        Map<String, String> description, @JsonProperty("default") JsonNode defaultValue,
        ParameterValidations validations, JsonNode editor) {

    @JsonProperty("default")
    public JsonNode defaultValue() {
        return defaultValue;
    }
}
