package dev.orchestrion.cases.client;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One parameter of a schema as definition-service writes it (docs/node-types.md, "Parameters"). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ParameterDocument(String name, String type, Boolean required, @JsonProperty("default") JsonNode defaultValue,
        Boolean redacted, Validations validations) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Validations(BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, String pattern,
            @JsonProperty("enum") List<JsonNode> allowed, Integer minItems, Integer maxItems) {
    }
}
