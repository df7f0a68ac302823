package dev.orchestrion.cases.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules a parameter's value must meet; each is optional (null when absent).
 *
 * @param min smallest allowed number
 * @param max largest allowed number
 * @param minLength shortest allowed string, in characters
 * @param maxLength longest allowed string, in characters
 * @param pattern a Java regular expression the whole string must match
 * @param allowed the allowed values ({@code enum} in the schema)
 * @param minItems fewest array elements
 * @param maxItems most array elements
 */
public record ParameterValidations(BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, String pattern,
        List<JsonNode> allowed, Integer minItems, Integer maxItems) {

    public static final ParameterValidations NONE = new ParameterValidations(null, null, null, null, null, null, null,
            null);

    public ParameterValidations {
        allowed = allowed == null ? null : List.copyOf(allowed);
    }
}
