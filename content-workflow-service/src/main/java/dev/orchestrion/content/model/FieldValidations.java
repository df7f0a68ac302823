package dev.orchestrion.content.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a field value must pass: lengths (characters of text, items of arrays), numeric bounds, a regular
 * expression the whole text must match, and the options of a {@code select}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldValidations(Integer minLength, Integer maxLength, BigDecimal minimum, BigDecimal maximum,
        String pattern, List<JsonNode> options) {
}
