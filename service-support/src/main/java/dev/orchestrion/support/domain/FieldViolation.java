package dev.orchestrion.support.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One field a rule refused: its name (a dotted path for nested fields, {@code [i]} for list items) and what is wrong
 * with it.
 */
public record FieldViolation(String field, String message) {

    /** {@code field: message; field: message}, the usual detail of a refusal that lists fields. */
    public static String describe(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
